import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked for safe order placement.

    mixins.py re-checks the listing gate and the stock on locked rows at placement; views.py
    makes a basket's submission idempotent (one order, one payment, however many submits).
    """

    name = "catalogue.checkout"
