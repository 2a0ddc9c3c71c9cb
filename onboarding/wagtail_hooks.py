from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from access.rules import may_invite, producers_to_invite_for
from access.viewsets import RuleMenuItem
from catalogue.models import Producer
from onboarding import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ocop/moi/", views.invitations, name="onboarding_invitations")]


@hooks.register("register_admin_menu_item")
def register_invitations_menu_item():
    return RuleMenuItem(
        _("Mời tài khoản"), reverse("onboarding_invitations"), name="invitations", icon_name="mail",
        order=890, shown_to=may_invite,
    )


@hooks.register("register_snippet_listing_buttons")
def invite_from_the_register(instance, user, next_url=None):
    """The producer register's rows offer "Mời tài khoản" to whoever may invite to that producer."""
    if not isinstance(instance, Producer):
        return []
    if producers_to_invite_for(user, Producer.objects.filter(pk=instance.pk)).exists():
        url = f"{reverse('onboarding_invitations')}?producer={instance.pk}"
        return [Button(_("Mời tài khoản"), url, icon_name="mail", priority=60)]
    return []
