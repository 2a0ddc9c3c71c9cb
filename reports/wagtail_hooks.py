from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from access.rules import may_see_reports
from reports import views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("ocop/reports/", views.report_dashboard, name="ocop_reports"),
        path("ocop/reports/<slug:name>.<str:fmt>", views.report_download, name="ocop_report"),
    ]


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return OfficerMenuItem(
        _("Báo cáo OCOP"), reverse("ocop_reports"), name="ocop-reports", icon_name="table", order=320
    )
