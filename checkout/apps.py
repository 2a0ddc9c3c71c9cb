import oscar.apps.checkout.apps as apps
from django.urls import path


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked for safe order placement.

    mixins.py re-checks the listing gate and the stock on locked rows at placement; views.py
    makes a basket's submission idempotent (one order, one payment, however many submits);
    receivers.py makes an order follow its lines' statuses and tells the shopper.
    """

    name = "checkout"

    def ready(self):
        super().ready()
        from checkout import receivers  # noqa: F401  connects the status receivers

    def get_urls(self):
        from checkout.views import communes

        return [*super().get_urls(), path("communes/", communes, name="communes")]
