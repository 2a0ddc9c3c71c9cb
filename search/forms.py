"""The filters of the storefront's product lists (catalogue, categories, search) and of the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

import places
from catalogue.models import ProductGroup
from search.backends.base import SearchQuery

STAR_CHOICES = [("", _("Tất cả hạng sao")), ("5", "5★"), ("4", "4★"), ("3", "3★")]
SORT_CHOICES = [
    ("relevance", _("Phù hợp nhất")),
    ("stars", _("Nhiều sao nhất")),
    ("price", _("Giá thấp đến cao")),
    ("-price", _("Giá cao đến thấp")),
    ("newest", _("Mới nhất")),
]


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
    sort = forms.ChoiceField(label=_("Sắp xếp"), choices=SORT_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Tất cả tỉnh/thành")), *places.province_choices()]

    @property
    def shown(self) -> tuple:
        """The values the rendered form shows, as asked: with the groups it offers, all its HTML
        depends on (its fragment's key, templates/oscar/catalogue/browse.html)."""
        return tuple((name, tuple(self.data.getlist(name))) for name in self.fields) if self.is_bound else ()

    def to_query(self, *, page=1, per_page=24, category_ids=(), with_facets=True) -> SearchQuery:
        """The search these filters ask for; a filter with an invalid value is left out."""
        self.is_valid()  # a bound form's cleaned_data then holds the fields that are valid
        data = getattr(self, "cleaned_data", {})
        text = data.get("q") or ""
        group = data.get("group")
        return SearchQuery(
            text=text,
            stars=data.get("stars"),
            group=group.code if group else "",
            province=data.get("province"),
            category_ids=tuple(category_ids),
            sort=data.get("sort") or ("relevance" if text else "newest"),
            page=page,
            per_page=per_page,
            with_facets=with_facets,
        )
