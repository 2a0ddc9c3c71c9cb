from django import forms
from django.utils.translation import gettext_lazy as _

from salespoints.models import SalesPoint, SalesPointStock
from salespoints.selectors import Coordinates, commune_centre, parse_coordinates, province_options


class SalesPointFilterForm(forms.Form):
    """The sales-point list's filters: province, product code, and an origin for "near me"."""

    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int, required=False, empty_value=None)
    product = forms.CharField(label=_("Mã sản phẩm"), required=False, max_length=64)
    near = forms.CharField(label=_("Gần vị trí (vĩ độ,kinh độ)"), required=False, max_length=64)
    commune = forms.TypedChoiceField(label=_("Gần xã/phường"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, communes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Tất cả"))] + province_options()
        self.fields["commune"].choices = [("", "—"), *communes]

    def clean_near(self):
        near = self.cleaned_data["near"]
        if near and parse_coordinates(near) is None:
            raise forms.ValidationError(_("Vị trí phải có dạng vĩ độ,kinh độ."))
        return near

    def origin(self) -> Coordinates | None:
        if self.cleaned_data.get("near"):
            return parse_coordinates(self.cleaned_data["near"])
        if self.cleaned_data.get("commune"):
            return commune_centre(self.cleaned_data["commune"])
        return None


class OpeningHoursForm(forms.ModelForm):
    class Meta:
        model = SalesPoint
        fields = ["opening_hours"]


StockFormSet = forms.modelformset_factory(SalesPointStock, fields=["level", "quantity"], extra=0)
