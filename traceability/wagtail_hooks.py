from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from access.rules import may_use_producer_workspace
from access.viewsets import PermissionCheckedViewSet, RuleMenuItem, producer_scoped_viewset
from traceability import admin_views
from traceability.forms import RawMaterialAreaForm
from traceability.models import AreaStandard, Lot, RawMaterialArea, Stamp, TraceEvent
from traceability.services import suspicious_q

# Producers keep their own areas, lots and events (access.viewsets.producer_scoped_viewset);
# superusers see everyone's.
AreaScoped = producer_scoped_viewset("producer", {"producer": ""})
AreaStandardScoped = producer_scoped_viewset("area__producer", {"area": "producer"})
LotScoped = producer_scoped_viewset("product__producer", {"product": "producer", "areas": "producer"})
EventScoped = producer_scoped_viewset(
    "lot__product__producer", {"lot": "product__producer", "area": "producer"}
)


class RawMaterialAreaViewSet(AreaScoped):
    model = RawMaterialArea
    icon = "site"
    menu_label = _("Vùng nguyên liệu")
    list_display = ["name", "producer", "kind", "area_code", "hectares"]
    list_filter = ["kind"]
    edit_handler = ObjectList([
        FieldPanel("producer"), FieldPanel("name"), FieldPanel("kind"), FieldPanel("area_code"),
        FieldPanel("code_issuer"), FieldPanel("code_market"), FieldPanel("code_issued_on"),
        FieldPanel("province_code"), FieldPanel("commune_code"), FieldPanel("street"), FieldPanel("hectares"),
        FieldPanel("latitude"), FieldPanel("longitude"), FieldPanel("photo"),
    ], base_form_class=RawMaterialAreaForm)


class AreaStandardViewSet(AreaStandardScoped):
    model = AreaStandard
    icon = "success"
    menu_label = _("Tiêu chuẩn vùng nguyên liệu")
    list_display = ["area", "standard", "certificate_number", "issuer", "valid_until"]
    list_filter = ["standard"]


class LotViewSet(LotScoped):
    model = Lot
    icon = "list-ul"
    menu_label = _("Lô sản xuất")
    list_display = ["code", "product", "produced_on", "expires_on", "quantity"]


class TraceEventViewSet(EventScoped):
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


for viewset in (RawMaterialAreaViewSet, AreaStandardViewSet, LotViewSet, TraceEventViewSet):
    register_permission_policy(viewset.model, viewset.owner_policy(viewset.model))
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
