"""Accepting an invitation (public: the invited person has no account yet) and the /cms/ page
where officers, staff and producers invite people and close the accounts they invited."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from access.rules import is_administrator, may_deactivate, may_invite
from onboarding import services
from onboarding.forms import ExistingAccountForm, InviteForm, NewAccountForm
from onboarding.models import Invitation

LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


@never_cache
@sensitive_post_parameters("password", "password1", "password2")
def accept(request, key):
    invitation = services.usable(key)
    if invitation is None:
        return _gone(request)
    account = services.existing_account(invitation)
    data = request.POST if request.method == "POST" else None
    if account is not None:
        form = ExistingAccountForm(data, request=request, account=account)
    else:
        form = NewAccountForm(data, invitation=invitation)
    if form.is_valid():
        try:
            user = services.accept(key, user=account, password=form.cleaned_data.get("password1", ""),
                                   name=form.cleaned_data.get("name", ""))
        except services.InvitationGone:  # used or cancelled in another tab meanwhile
            return _gone(request)
        login(request, user, backend=LOGIN_BACKEND)
        welcome = _("Chào mừng! Bạn đã nhận lời mời: %(grant)s.") % {"grant": invitation.grants}
        messages.success(request, welcome)
        return redirect("producer_workspace" if invitation.producer_id else "wagtailadmin_home")
    context = {"invitation": invitation, "form": form, "existing": account is not None}
    return TemplateResponse(request, "onboarding/accept.html", context, status=400 if form.is_bound else 200)


def _gone(request):
    context = {"message": services.INVITATION_GONE}
    return TemplateResponse(request, "onboarding/gone.html", context, status=410)


def invitations(request):
    """Invite someone; see one's invitations (all of them for superusers); resend, cancel, close."""
    if not may_invite(request.user):
        raise PermissionDenied
    mine = Invitation.objects.select_related("producer", "account", "inviter")
    if not is_administrator(request.user):
        mine = mine.filter(inviter=request.user)
    chosen = {"producer": request.GET["producer"]} if request.GET.get("producer", "").isdecimal() else {}
    form = InviteForm(request.POST if "email" in request.POST else None, user=request.user, initial=chosen)
    if form.is_bound and form.is_valid():
        grant = {key: form.cleaned_data[key] for key in ("email", "role", "producer", "province_code")}
        services.invite(inviter=request.user, request=request, **grant)
        messages.success(request, _("Đã gửi lời mời tới %(email)s.") % {"email": grant["email"]})
        return redirect("onboarding_invitations")
    if request.method == "POST" and not form.is_bound:
        _act(request, mine)
        return redirect("onboarding_invitations")
    context = {"form": form, "invitations": mine[:200]}
    return TemplateResponse(request, "onboarding/admin/invitations.html", context)


def _act(request, mine):
    """Resend, cancel (pending) or close the account of (accepted) one of one's invitations."""
    action, pk = request.POST.get("action"), request.POST.get("invitation", "")
    invitation = mine.filter(pk=pk).first() if pk.isdecimal() else None
    if invitation is None:  # another person's invitation looks exactly like a missing one
        messages.error(request, _("Không tìm thấy lời mời."))
    elif action == "resend" and not invitation.accepted:
        services.send(invitation, request)
        messages.success(request, _("Đã gửi lại lời mời tới %(email)s.") % {"email": invitation.email})
    elif action == "cancel" and not invitation.accepted:
        invitation.delete()
        messages.success(request, _("Đã hủy lời mời tới %(email)s.") % {"email": invitation.email})
    elif action == "deactivate" and invitation.account_id and may_deactivate(request.user, invitation):
        services.deactivate(invitation)
        messages.success(request, _("Đã khóa tài khoản %(email)s.") % {"email": invitation.email})
    else:
        messages.error(request, _("Không thực hiện được thao tác này với lời mời đã chọn."))
