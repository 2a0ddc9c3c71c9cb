from django.urls import path
from wagtail import hooks

from storefront import report_views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("ocop/reports/<slug:name>.<str:fmt>", report_views.report_download, name="ocop_report"),
    ]
