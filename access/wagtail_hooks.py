from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.admin.widgets import SwitchInput
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from access.models import CertificationOfficer, NotificationSettings, TradeOfficer
from access.viewsets import PermissionCheckedViewSet


class TradeOfficerViewSet(PermissionCheckedViewSet):
    model = TradeOfficer
    icon = "user"
    menu_label = _("Cán bộ Sở Công Thương")
    list_display = ["user", "province_code"]
    list_filter = ["province_code"]


class CertificationOfficerViewSet(PermissionCheckedViewSet):
    model = CertificationOfficer
    icon = "user"
    menu_label = _("Cán bộ văn phòng OCOP tỉnh")
    list_display = ["user", "province_code"]
    list_filter = ["province_code"]


class RolesViewSetGroup(SnippetViewSetGroup):
    """Administrators grant and withdraw officer roles here, no shell needed (access.receivers
    keeps the groups in step)."""

    items = (TradeOfficerViewSet, CertificationOfficerViewSet)
    menu_icon = "group"
    menu_label = _("Vai trò cán bộ")
    menu_order = 900


register_snippet(RolesViewSetGroup)


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["expiry_warnings", "order_lines", "stamp_sheets"]
        widgets = dict.fromkeys(fields, SwitchInput())


@hooks.register("register_account_settings_panel")
class NotificationSettingsPanel(BaseSettingsPanel):
    """Beside Wagtail's own switches (a page approved or rejected) on the account's Notifications tab."""

    name = "ocop_notifications"
    title = _("Email của OCOP Market")
    tab = notifications_tab
    order = 110
    form_class = NotificationSettingsForm

    def get_form(self):
        instance = NotificationSettings.objects.filter(user=self.user).first()
        instance = instance or NotificationSettings(user=self.user)
        data = (self.request.POST,) if self.request.method == "POST" else ()
        return self.form_class(*data, instance=instance, prefix=self.name)
