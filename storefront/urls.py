from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api.v1 import api
from storefront.sitemaps import SECTIONS
from storefront.views import choose_language, favicon, healthz, product_share_image, robots_txt, sitemap_index

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
    re_path(r"^chia-se/san-pham/(?P<code>[^/]+)\.jpg$", product_share_image, name="product-share-image"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("ngon-ngu/<str:code>/", choose_language, name="choose-language"),
    path("api/v1/", api.urls),
    path("feeds/", include("feeds.urls")),
    path("sitemap.xml", sitemap_index),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SECTIONS}, name="sitemap-section"),
    path("robots.txt", robots_txt),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("checkout.urls")),
    path("", include("reviews.urls")),
    path("", include("traceability.urls")),
    path("", include("salespoints.urls")),
    path("", include("tradefairs.urls")),
    path("", include("onboarding.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
    path("", include(wagtail_urls)),
]

handler500 = "storefront.views.server_error"

# django.conf.urls.static.static() would serve nothing with DEBUG off (SERVE_MEDIA).
if settings.DEBUG or settings.SERVE_MEDIA:
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
