"""The filters of the storefront's product lists (catalogue, categories, search)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.search.forms import *  # noqa: F403  keep Oscar's forms (the header search box)

from catalogue.models import ProductGroup
from storefront import places

STAR_CHOICES = [("", _("Tất cả hạng sao")), ("5", "5★"), ("4", "4★"), ("3", "3★")]


class ProductFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    stars = forms.TypedChoiceField(
        label=_("Hạng sao"), choices=STAR_CHOICES, coerce=int, empty_value=None, required=False
    )
    group = forms.ModelChoiceField(
        label=_("Nhóm sản phẩm"),
        queryset=ProductGroup.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả nhóm"),
    )
    province = forms.TypedChoiceField(
        label=_("Tỉnh/thành phố"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Tất cả tỉnh/thành")), *places.province_choices()]

    def filter(self, products):
        """Narrow an already gated product queryset by the chosen filters."""
        if not self.is_valid():
            return products
        data = self.cleaned_data
        if data["q"]:
            products = products.filter(title__icontains=data["q"])
        if data["stars"]:
            products = products.with_stars(data["stars"])
        if data["group"]:
            products = products.filter(ocop_group=data["group"])
        if data["province"]:
            products = products.filter(origin_province_code=data["province"])
        return products
