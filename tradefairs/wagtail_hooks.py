from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from storefront.province_admin import ProvinceScopedViewSet
from tradefairs.models import TradeFair


class TradeFairViewSet(ProvinceScopedViewSet):
    model = TradeFair
    icon = "date"
    menu_label = _("Hội chợ, triển lãm")
    menu_order = 292
    add_to_admin_menu = True
    list_display = ["name", "kind", "venue", "starts_on", "ends_on"]
    fields = ["name", "slug", "kind", "venue", "province_code", "starts_on", "ends_on", "organiser"]


register_snippet(TradeFairViewSet)
