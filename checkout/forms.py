"""Oscar's checkout forms, with the Vietnamese address of checkout.address.forms."""

from oscar.apps.checkout.forms import *  # noqa: F403  Oscar's other checkout forms, unchanged
from oscar.apps.checkout.forms import ShippingAddressForm as CoreShippingAddressForm

from checkout.address.forms import ADDRESS_FIELDS, VietnameseAddressForm


class ShippingAddressForm(VietnameseAddressForm, CoreShippingAddressForm):
    class Meta(CoreShippingAddressForm.Meta):
        fields = ADDRESS_FIELDS
