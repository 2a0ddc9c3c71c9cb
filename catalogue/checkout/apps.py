import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked only to re-check the listing gate at order placement (mixins.py)."""

    name = "catalogue.checkout"
