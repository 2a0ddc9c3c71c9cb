from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from access.rules import may_read_audit, may_see_reports
from access.viewsets import RuleMenuItem
from reports import audit, views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("ocop/reports/", views.report_dashboard, name="ocop_reports"),
        path("ocop/reports/<slug:name>.<str:fmt>", views.report_download, name="ocop_report"),
        path("ocop/nhat-ky/", audit.audit_log, name="ocop_audit"),
    ]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return RuleMenuItem(
        _("Báo cáo OCOP"), reverse("ocop_reports"), name="ocop-reports", icon_name="table", order=320,
        shown_to=may_see_reports,
    )


@hooks.register("register_admin_menu_item")
def register_audit_menu_item():
    return RuleMenuItem(
        _("Nhật ký thay đổi"), reverse("ocop_audit"), name="ocop-audit", icon_name="history", order=330,
        shown_to=may_read_audit,
    )
