from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from access.rules import may_use_producer_workspace
from access.viewsets import PermissionCheckedViewSet, RuleMenuItem
from traceability import admin_views
from traceability.models import AreaStandard, Lot, RawMaterialArea, Stamp, TraceEvent
from traceability.services import suspicious_q


class RawMaterialAreaViewSet(PermissionCheckedViewSet):
    model = RawMaterialArea
    icon = "site"
    menu_label = _("Vùng nguyên liệu")
    list_display = ["name", "producer", "kind", "area_code", "hectares"]
    list_filter = ["kind", "province_code"]


class AreaStandardViewSet(PermissionCheckedViewSet):
    model = AreaStandard
    icon = "success"
    menu_label = _("Tiêu chuẩn vùng nguyên liệu")
    list_display = ["area", "standard", "certificate_number", "issuer", "valid_until"]
    list_filter = ["standard"]


class LotViewSet(PermissionCheckedViewSet):
    model = Lot
    icon = "list-ul"
    menu_label = _("Lô sản xuất")
    list_display = ["code", "product", "produced_on", "expires_on", "quantity"]


class TraceEventViewSet(PermissionCheckedViewSet):
    model = TraceEvent
    icon = "time"
    menu_label = _("Sự kiện truy xuất")
    list_display = ["lot", "step", "occurred_at", "place"]
    list_filter = ["step"]


class FlaggedStampViewSet(PermissionCheckedViewSet):
    """Serials scanned suspiciously often or widely: candidates for copied stamps."""

    model = Stamp
    icon = "warning"
    menu_label = _("Tem nghi sao chép")
    list_display = ["serial", "lot", "scan_count", "client_count", "first_scanned_at"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Stamp.objects.filter(suspicious_q()).select_related("lot__product").order_by("-scan_count")


class TraceabilityViewSetGroup(SnippetViewSetGroup):
    items = (RawMaterialAreaViewSet, AreaStandardViewSet, LotViewSet, TraceEventViewSet, FlaggedStampViewSet)
    menu_icon = "link"
    menu_label = _("Truy xuất nguồn gốc")
    menu_order = 295


register_snippet(TraceabilityViewSetGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("ocop/stamps/", admin_views.producer_stamps, name="producer_stamps"),
        path("ocop/epcis-keys/", admin_views.capture_tokens, name="capture_tokens"),
    ]


@hooks.register("register_admin_menu_item")
def register_stamps_menu_item():
    return RuleMenuItem(
        _("In tem truy xuất"), reverse("producer_stamps"), name="producer-stamps", icon_name="link",
        order=320, shown_to=may_use_producer_workspace,
    )


@hooks.register("register_admin_menu_item")
def register_capture_tokens_menu_item():
    return RuleMenuItem(
        _("Khóa gửi dữ liệu EPCIS"), reverse("capture_tokens"), name="capture-tokens", icon_name="key",
        order=321, shown_to=may_use_producer_workspace,
    )
