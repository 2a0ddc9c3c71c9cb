from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from access.rules import may_use_producer_workspace
from access.viewsets import RuleMenuItem
from feeds import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ocop/marketplace-sheets/", views.marketplace_sheets, name="marketplace_sheets")]


@hooks.register("register_admin_menu_item")
def register_marketplace_sheets_menu_item():
    return RuleMenuItem(
        _("Đăng bán trên sàn TMĐT"), reverse("marketplace_sheets"), name="marketplace-sheets",
        icon_name="download", order=330, shown_to=may_use_producer_workspace,
    )
