"""Officers' forms for a fair's exhibitors and their product listings."""

from django import forms
from django.utils.translation import gettext_lazy as _

import places
from catalogue.models import Producer, Product
from tradefairs.models import Exhibitor


class ExhibitorForm(forms.ModelForm):
    class Meta:
        model = Exhibitor
        fields = ["producer", "booth"]

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, instance=Exhibitor(fair=fair), **kwargs)
        self.fields["producer"].queryset = Producer.objects.filter(is_active=True).exclude(
            fair_exhibits__fair=fair
        ).order_by("name")

    def clean_booth(self):
        # The form has no ``fair`` field, so Django skips the (fair, booth) constraint: checked here.
        booth = self.cleaned_data["booth"].strip()
        if self.instance.fair.exhibitors.filter(booth__iexact=booth).exists():
            raise forms.ValidationError(_("Gian hàng %(booth)s đã có đơn vị tham gia.") % {"booth": booth})
        return booth


class ListingForm(forms.Form):
    """A product of one of the fair's exhibitors; the listing gate is checked when it is added."""

    exhibitor = forms.ModelChoiceField(queryset=Exhibitor.objects.none(), label=_("Gian hàng"))
    product = forms.ModelChoiceField(queryset=Product.objects.none(), label=_("Sản phẩm"))

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        exhibitors = fair.exhibitors.select_related("producer")
        self.fields["exhibitor"].queryset = exhibitors
        self.fields["product"].queryset = Product.objects.filter(
            producer__in=exhibitors.values("producer")
        ).select_related("producer").order_by("producer__name", "title")
        self.fields["product"].label_from_instance = lambda item: f"{item.producer.name} — {item.title}"


class FairFilterForm(forms.Form):
    """The public fair list's one filter: the province."""

    province = forms.TypedChoiceField(label=_("Tỉnh/thành phố"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [("", _("Tất cả"))] + list(places.province_choices())
