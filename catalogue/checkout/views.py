"""Oscar's payment-details view with idempotent submission: one basket, one order, one payment."""

from django.shortcuts import redirect
from oscar.apps.checkout.views import PaymentDetailsView as CorePaymentDetailsView
from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


class PaymentDetailsView(CorePaymentDetailsView):
    def submit(self, user, basket, *args, **kwargs):
        """Serialise submissions of a basket; a repeat (double click, retry) gets the first's order.

        The basket row stays locked until the request's transaction ends (ATOMIC_REQUESTS), so a
        second submission waits, then finds the order the first one placed, before any payment.
        """
        Basket.objects.select_for_update().filter(pk=basket.pk).first()
        placed = Order.objects.filter(basket_id=basket.pk).first()
        if placed is not None:
            self.request.session["checkout_order_id"] = placed.pk
            return redirect("checkout:thank-you")
        return super().submit(user, basket, *args, **kwargs)
