"""Oscar's checkout forms, with a Vietnamese address: province and commune picked from lists.

Since the 2025 reform an address is street, commune (xã/phường/đặc khu) and province; there is
no district and shoppers do not use postcodes. The chosen names are written to Oscar's own
address fields (line4: commune, state: province), so orders, emails and the dashboard show them.
"""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403  Oscar's other checkout forms, unchanged
from oscar.apps.checkout.forms import ShippingAddressForm as CoreShippingAddressForm

from storefront import places

VIETNAM_CALLING_CODE = 84
PHONE_HELP = _("Số di động hoặc cố định Việt Nam, ví dụ 0901 234 567.")


class ShippingAddressForm(CoreShippingAddressForm):
    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int)
    commune = forms.TypedChoiceField(label=_("Xã/phường/đặc khu"), coerce=int)

    field_order = ["first_name", "last_name", "phone_number", "province", "commune", "line1", "notes"]

    class Meta(CoreShippingAddressForm.Meta):
        fields = ["first_name", "last_name", "line1", "line4", "state", "country", "phone_number", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for hidden in ("line4", "state"):  # filled from the lists below
            self.fields.pop(hidden, None)
        self.fields["line1"].label = _("Số nhà, đường, thôn/ấp")
        self.fields["phone_number"].required = True
        self.fields["phone_number"].help_text = PHONE_HELP
        if self.instance.state and not self.is_bound:  # editing an address chosen earlier
            province = self.initial["province"] = places.province_by_name(self.instance.state)
            if province:
                self.initial["commune"] = places.commune_by_name(self.instance.line4, province)
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
            self.instance.state = places.province_name(province)
            self.instance.line4 = places.commune_name(commune)
        return cleaned
