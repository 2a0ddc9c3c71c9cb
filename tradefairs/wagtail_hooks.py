from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from access.viewsets import ProvincePermissionPolicy, ProvinceScopedViewSet, ScopedIndexView
from tradefairs import admin_views
from tradefairs.models import TradeFair


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ocop/fairs/<int:pk>/exhibitors/", admin_views.fair_exhibitors, name="tradefair_exhibitors")]


class FairIndexView(ScopedIndexView):
    def get_list_buttons(self, instance):
        exhibitors = ListingButton(
            _("Đơn vị tham gia"), reverse("tradefair_exhibitors", args=[instance.pk]), icon_name="group"
        )
        return [exhibitors, *super().get_list_buttons(instance)]


class TradeFairViewSet(ProvinceScopedViewSet):
    model = TradeFair
    icon = "date"
    menu_label = _("Hội chợ, triển lãm")
    menu_order = 292
    add_to_admin_menu = True
    index_view_class = FairIndexView
    list_display = ["name", "kind", "venue", "starts_on", "ends_on"]
    fields = ["name", "slug", "kind", "venue", "province_code", "starts_on", "ends_on", "organiser"]


register_permission_policy(TradeFair, ProvincePermissionPolicy(TradeFair))
register_snippet(TradeFairViewSet)
