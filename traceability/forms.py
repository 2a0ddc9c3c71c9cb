"""The /cms/ form of a raw-material area: a producer's user picks a commune of its own province."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

import places
from access.rules import own_producers
from catalogue.models import Producer


class RawMaterialAreaForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        producers = own_producers(for_user, Producer.objects.all()) if for_user else Producer.objects.none()
        only = producers.first() if len(producers[:2]) == 1 else None
        if only is None:
            return
        # One producer: its province is the area's (RawMaterialArea.clean), its communes the choices.
        self.fields["producer"].initial = only.pk
        self.fields["province_code"].initial = only.province_code
        self.fields["commune_code"] = forms.TypedChoiceField(
            label=self.fields["commune_code"].label, coerce=int, required=False, empty_value=None,
            choices=[("", "—"), *places.commune_choices(only.province_code)],
        )
