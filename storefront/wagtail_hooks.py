from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from access.rules import is_producer_user
from access.viewsets import RuleMenuItem
from storefront import workspace


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ocop/co-so/", workspace.workspace, name="producer_workspace")]


@hooks.register("register_admin_menu_item")
def register_workspace_menu_item():
    return RuleMenuItem(
        _("Cơ sở của tôi"), reverse("producer_workspace"), name="producer-workspace", icon_name="home",
        order=100, shown_to=is_producer_user,
    )


class WorkspacePanel(Component):
    """On a producer's /cms/ home: the way to its workspace, first."""

    name = "producer_workspace"
    order = 10
    template_name = "storefront/admin/workspace_panel.html"


@hooks.register("construct_homepage_panels")
def add_workspace_panel(request, panels):
    if is_producer_user(request.user):
        panels.insert(0, WorkspacePanel())
