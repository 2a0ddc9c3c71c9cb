"""Inviting, accepting and closing accounts. What an invitation grants is read from the invitation
row alone, never from the request: an invitation for producer A can only ever give producer A."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from invitations.adapters import get_invitations_adapter
from invitations.app_settings import app_settings

from access import grants
from onboarding.models import Invitation

INVITATION_GONE = _("Lời mời này đã hết hạn hoặc đã được dùng. Hãy nhờ người mời gửi lại lời mời mới.")
EMAIL_LANGUAGE = "vi"  # the invited person has no account, so no language of their own yet


class InvitationGone(Exception):
    pass


def invite(*, inviter, request, **grant) -> Invitation:
    """Make an invitation (email, role, producer or province_code) and queue its email."""
    invitation = Invitation.create(inviter=inviter, **grant)
    send(invitation, request)
    return invitation


def send(invitation, request) -> None:
    """(Re)send: the link is valid INVITATIONS_INVITATION_EXPIRY days from now; email after commit."""
    url = request.build_absolute_uri(reverse("onboarding:accept", args=[invitation.key]))
    invitation.sent = timezone.now()
    invitation.save(update_fields=["sent"])
    transaction.on_commit(lambda: send_invitation_email.enqueue(invitation.pk, url))


@task()
def send_invitation_email(invitation_id: int, url: str) -> None:
    invitation = Invitation.objects.select_related("producer", "inviter").get(pk=invitation_id)
    context = {"invitation": invitation, "invite_url": url, "expiry_days": app_settings.INVITATION_EXPIRY}
    with translation.override(EMAIL_LANGUAGE):
        get_invitations_adapter().send_mail("invitations/email/email_invite", invitation.email, context)


def usable(key: str) -> Invitation | None:
    invitation = Invitation.objects.select_related("producer", "inviter").filter(key=key).first()
    return invitation if invitation is not None and invitation.is_usable else None


def existing_account(invitation):
    """The account already using the invitation's address, if any: it signs in instead of signing up."""
    return get_user_model().objects.filter(email__iexact=invitation.email).order_by("pk").first()


@transaction.atomic
def accept(key: str, *, user=None, password: str = "", name: str = ""):
    """Use the invitation once: for ``user``, or for a new account with ``password``. Returns the user.

    The invitation row is locked first, so two tabs accepting at once give one account, one grant.
    """
    invitation = Invitation.objects.select_for_update().filter(key=key).first()
    if invitation is None or not invitation.is_usable:
        raise InvitationGone
    if user is None:
        user = get_user_model().objects.create_user(
            username=invitation.email[:150], email=invitation.email, password=password, first_name=name[:150],
        )
    _grant(invitation, user)
    invitation.accepted, invitation.account, invitation.accepted_at = True, user, timezone.now()
    invitation.save(update_fields=["accepted", "account", "accepted_at"])
    return user


def _grant(invitation, user):
    if invitation.role == Invitation.Role.PRODUCER:
        grants.add_producer_user(user, invitation.producer)
    elif invitation.role == Invitation.Role.TRADE_OFFICER:
        grants.add_officer(user, invitation.province_code)
    else:
        grants.add_certification_officer(user, invitation.province_code)


def deactivate(invitation) -> bool:
    """Close the account the invitation made (access.rules.may_deactivate decides who may)."""
    accounts = get_user_model().objects.filter(pk=invitation.account_id, is_active=True)
    return bool(accounts.update(is_active=False))
