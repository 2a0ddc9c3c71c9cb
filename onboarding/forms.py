from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

import places
from access.rules import may_manage_roles, producers_to_invite_for
from catalogue.models import Producer
from onboarding.models import Invitation

ALREADY_PENDING = _("Đã có lời mời đang chờ cho địa chỉ này với cùng vai trò: hãy dùng nút Gửi lại.")
NEEDS_PRODUCER = _("Hãy chọn chủ thể OCOP mà người được mời sẽ làm việc cho.")
NEEDS_PROVINCE = _("Hãy chọn tỉnh/thành phố của cán bộ.")


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email người được mời"))
    role = forms.ChoiceField(label=_("Vai trò"), choices=Invitation.Role.choices)
    producer = forms.ModelChoiceField(
        label=_("Chủ thể OCOP"), queryset=Producer.objects.none(), required=False
    )
    province_code = forms.TypedChoiceField(
        label=_("Tỉnh/thành phố (cán bộ)"), coerce=int, required=False, empty_value=None,
        choices=[("", "—"), *places.province_choices()],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        producers = producers_to_invite_for(user, Producer.objects.filter(is_active=True).order_by("name"))
        self.fields["producer"].queryset = producers
        if not may_manage_roles(user):  # officers are invited by administrators only
            self.fields["role"].choices = [(Invitation.Role.PRODUCER, Invitation.Role.PRODUCER.label)]
            del self.fields["province_code"]
        if len(producers[:2]) == 1:
            self.fields["producer"].initial = producers[0].pk

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role == Invitation.Role.PRODUCER:
            cleaned["province_code"] = None
            if not cleaned.get("producer"):
                self.add_error("producer", NEEDS_PRODUCER)
        elif role:
            cleaned["producer"] = None
            if cleaned.get("province_code") is None:
                self.add_error("province_code", NEEDS_PROVINCE)
        grant = {key: cleaned.get(key) for key in ("email", "role", "producer", "province_code")}
        if not self.errors and any(i.is_usable for i in Invitation.objects.filter(**grant)):
            raise forms.ValidationError(ALREADY_PENDING)
        return cleaned


NEW_PASSWORD = {"autocomplete": "new-password"}


class NewAccountForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    password1 = forms.CharField(label=_("Mật khẩu"), strip=False,
                                widget=forms.PasswordInput(attrs=NEW_PASSWORD))
    password2 = forms.CharField(label=_("Nhập lại mật khẩu"), strip=False,
                                widget=forms.PasswordInput(attrs=NEW_PASSWORD))

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Hai mật khẩu không khớp."))
        elif first:
            email = self.invitation.email
            probe = get_user_model()(username=email, email=email, first_name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ExistingAccountForm(forms.Form):
    """The address already has an account: its owner proves it with that account's password."""

    password = forms.CharField(label=_("Mật khẩu tài khoản hiện có"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, *args, request, account, **kwargs):
        super().__init__(*args, **kwargs)
        self.request, self.account = request, account

    def clean(self):
        cleaned = super().clean()
        if not self.account.is_active:
            raise forms.ValidationError(_("Tài khoản này đã bị khóa: hãy liên hệ người mời."))
        password = cleaned.get("password")
        username = self.account.get_username()
        if password and authenticate(self.request, username=username, password=password) is None:
            raise forms.ValidationError(_("Mật khẩu không đúng."))
        return cleaned
