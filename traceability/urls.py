from django.urls import path, re_path

from traceability import views

# GS1 Digital Link: /01/{gtin}[/10/{lot}[/21/{serial}]]; lot and serial are URL-encoded strings.
urlpatterns = [
    re_path(
        r"^01/(?P<gtin>[^/]+)/10/(?P<lot_code>[^/]+)/21/(?P<serial>[^/]+)/?$",
        views.trace_stamp,
        name="trace-gs1-stamp",
    ),
    re_path(r"^01/(?P<gtin>[^/]+)/10/(?P<lot_code>[^/]+)/?$", views.trace_lot, name="trace-gs1-lot"),
    re_path(r"^01/(?P<gtin>[^/]+)/?$", views.trace_product, name="trace-gs1-product"),
    path(".well-known/gs1resolver", views.resolver_description, name="gs1resolver"),
    path("vung-nguyen-lieu/<int:pk>/", views.area, name="area"),
    path("ns/ocop", views.ocop_namespace, name="ocop-namespace"),
    path("q/p/<str:code>", views.trace_product, name="trace-product"),
    path("q/l/<str:code>/<str:lot_code>", views.trace_lot, name="trace-lot"),
    path("q/<str:serial>", views.trace_stamp, name="trace-stamp"),
    re_path(r"^qr/product/(?P<code>[^/]+)\.(?P<fmt>png|svg)$", views.product_qr, name="qr-product"),
    re_path(r"^qr/lot/(?P<code>[^/]+)/(?P<lot_code>[^/]+)\.(?P<fmt>png|svg)$", views.lot_qr, name="qr-lot"),
    re_path(
        r"^qr/lot/(?P<code>[^/]+)/(?P<lot_code>[^/]+)/stamps\.pdf$", views.stamp_sheet, name="stamp-sheet"
    ),
    re_path(r"^qr/lot/(?P<code>[^/]+)/(?P<lot_code>[^/]+)/epcis\.jsonld$", views.lot_epcis, name="lot-epcis"),
    re_path(r"^qr/stamp/(?P<serial>[^/]+)\.(?P<fmt>png|svg)$", views.stamp_qr, name="qr-stamp"),
]
