"""Address forms with a Vietnamese address: province and commune picked from lists, a Vietnamese phone.

Since the 2025 reform an address is street, commune (xã/phường/đặc khu) and province; there is
no district and shoppers do not use postcodes. The chosen codes are kept on the address
(CodedAddress), whose names orders, emails and the dashboard show.
"""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.forms import *  # noqa: F403  Oscar's other address forms, unchanged
from oscar.apps.address.forms import UserAddressForm as CoreUserAddressForm

import places

VIETNAM_CALLING_CODE = 84
PHONE_HELP = _("Số di động hoặc cố định Việt Nam, ví dụ 0901 234 567.")
ADDRESS_FIELDS = ["first_name", "last_name", "line1", "country", "phone_number", "notes"]


class VietnameseAddressForm(forms.ModelForm):
    """Province and commune as lists (the commune list follows the province), street, a +84 phone."""

    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int)
    commune = forms.TypedChoiceField(label=_("Xã/phường/đặc khu"), coerce=int)

    field_order = ["first_name", "last_name", "phone_number", "province", "commune", "line1", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line1"].label = _("Số nhà, đường, thôn/ấp")
        self.fields["phone_number"].required = True
        self.fields["phone_number"].help_text = PHONE_HELP
        if self.instance.province_code and not self.is_bound:  # editing an address chosen earlier
            self.initial["province"] = self.instance.province_code
            self.initial["commune"] = self.instance.commune_code
        self.fields["province"].choices = [("", _("Chọn tỉnh/thành phố")), *places.province_choices()]
        province = self._chosen_province()
        communes = places.commune_choices(province) if province else []
        # Without JavaScript the list fills after choosing a province and submitting once.
        self.fields["commune"].choices = [("", _("Chọn xã/phường")), *communes]
        self.fields["commune"].widget.attrs["data-communes-url"] = reverse_lazy("checkout:communes")

    def _chosen_province(self):
        value = self.data.get(self.add_prefix("province")) if self.is_bound else self.initial.get("province")
        try:
            return int(value) if value else None
        except ValueError:
            return None

    def clean(self):
        cleaned = super().clean()
        phone = cleaned.get("phone_number")
        if phone and getattr(phone, "country_code", VIETNAM_CALLING_CODE) != VIETNAM_CALLING_CODE:
            self.add_error("phone_number", _("Cần một số điện thoại Việt Nam (+84)."))
        province, commune = cleaned.get("province"), cleaned.get("commune")
        if province and commune and not places.commune_in_province(commune, province):
            self.add_error("commune", _("Xã/phường không thuộc tỉnh/thành phố đã chọn."))
        elif province and commune:
            # Oscar's checkout keeps the address from the instance, not from save().
            self.instance.province_code, self.instance.commune_code = province, commune
        return cleaned


class UserAddressForm(VietnameseAddressForm, CoreUserAddressForm):
    class Meta(CoreUserAddressForm.Meta):
        fields = ADDRESS_FIELDS
