from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from access.rules import may_certify
from access.viewsets import PermissionCheckedViewSet, RuleMenuItem
from catalogue import admin_views
from catalogue.models import Certificate, Producer, RecognitionDecision


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("ocop/import/", admin_views.import_decisions, name="ocop_import"),
        path("ocop/expiring/", admin_views.expiring_certificates, name="ocop_expiring"),
        path("ocop/expiring/remind/", admin_views.remind_expiring, name="ocop_expiring_remind"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return RuleMenuItem(
        _("Nhập quyết định OCOP"), reverse("ocop_import"), name="ocop-import", icon_name="upload",
        order=300, shown_to=may_certify,
    )


@hooks.register("register_admin_menu_item")
def register_expiring_menu_item():
    return RuleMenuItem(
        _("Chứng nhận sắp hết hạn"), reverse("ocop_expiring"), name="ocop-expiring", icon_name="date",
        order=310, shown_to=may_certify,
    )


class ProducerViewSet(PermissionCheckedViewSet):
    model = Producer
    icon = "group"
    menu_label = _("Chủ thể OCOP")
    list_display = ["name", "kind", "province_name", "tax_code", "is_active"]
    list_filter = ["kind", "is_active", "province_code"]


class DecisionViewSet(PermissionCheckedViewSet):
    model = RecognitionDecision
    icon = "doc-full"
    menu_label = _("Quyết định công nhận")
    list_display = ["number", "decision_date", "level", "authority"]
    list_filter = ["level"]


class CertificateViewSet(PermissionCheckedViewSet):
    model = Certificate
    icon = "success"
    menu_label = _("Giấy chứng nhận OCOP")
    list_display = ["product", "stars", "decision", "valid_until", "live_status"]
    list_filter = ["status", "stars"]


class OCOPViewSetGroup(SnippetViewSetGroup):
    items = (ProducerViewSet, DecisionViewSet, CertificateViewSet)
    menu_icon = "tag"
    menu_label = _("OCOP")
    menu_order = 290


register_snippet(OCOPViewSetGroup)
