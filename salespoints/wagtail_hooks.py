from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from access.viewsets import ProvincePermissionPolicy, ProvinceScopedViewSet
from salespoints.models import SalesPoint


class SalesPointViewSet(ProvinceScopedViewSet):
    model = SalesPoint
    icon = "site"
    menu_label = _("Điểm bán OCOP")
    menu_order = 291
    add_to_admin_menu = True
    list_display = ["name", "kind", "province_name", "commune_name", "is_active"]
    list_filter = ["kind", "is_active"]
    panels = [
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("province_code"),
        FieldPanel("commune_code"), FieldPanel("street"), FieldPanel("latitude"), FieldPanel("longitude"),
        FieldPanel("opening_hours"), FieldPanel("phone"), FieldPanel("operators"), FieldPanel("is_active"),
    ]


register_permission_policy(SalesPoint, ProvincePermissionPolicy(SalesPoint))
register_snippet(SalesPointViewSet)
