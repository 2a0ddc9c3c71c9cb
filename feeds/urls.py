from django.urls import path, re_path

from feeds import views

app_name = "feeds"
urlpatterns = [
    path("google.xml", views.google, name="google"),
    path("meta.csv", views.meta, name="meta"),
    re_path(r"^san-pham-ocop\.(?P<fmt>csv|json)$", views.register, name="register"),
    path("quyet-dinh.atom", views.decisions, name="decisions"),
    path("dcat.jsonld", views.dcat, name="dcat"),
    re_path(r"^producers/(?P<slug>[-\w]+)\.(?P<fmt>csv|xlsx)$", views.producer_listing, name="producer"),
]
