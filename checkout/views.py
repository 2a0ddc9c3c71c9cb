"""Oscar's payment-details view with idempotent submission: one basket, one order, one payment."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from oscar.apps.checkout.views import PaymentDetailsView as CorePaymentDetailsView
from oscar.apps.checkout.views import PaymentMethodView as CorePaymentMethodView
from oscar.apps.checkout.views import ShippingMethodView as CoreShippingMethodView
from oscar.core.loading import get_model

import places
from checkout.payment_methods import METHODS, method_for
from checkout.shipping.methods import pickup_point_id
from salespoints.pickup import NO_LONGER_HELD

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


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

    def handle_payment(self, order_number, total, **kwargs):
        """Record how the order will be paid; no money moves at placement (see payment_methods)."""
        method = method_for(self.checkout_session.payment_method())
        source_type, _created = SourceType.objects.get_or_create(
            code=method.code, defaults={"name": str(method.name)}
        )
        self.add_payment_source(
            Source(source_type=source_type, currency=total.currency, amount_allocated=total.incl_tax,
                   reference=order_number)
        )

    def get_initial_order_status(self, basket):
        return method_for(self.checkout_session.payment_method()).initial_status


class ShippingMethodView(CoreShippingMethodView):
    def get(self, request, *args, **kwargs):
        """Say so when the chosen pickup point no longer holds the basket, and let the shopper choose.

        Oscar would silently pick home delivery (and its fee) when it is the only method left.
        """
        chosen = self.checkout_session.shipping_method_code(request.basket)
        if pickup_point_id(chosen) is not None and request.basket.is_shipping_required():
            self._methods = self.get_available_shipping_methods()
            if chosen not in {method.code for method in self._methods}:
                messages.warning(request, NO_LONGER_HELD)
                return super(CoreShippingMethodView, self).get(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)


class PaymentMethodView(CorePaymentMethodView):
    """Choose cash on delivery or a VietQR bank transfer (checkout.payment_methods)."""

    template_name = "oscar/checkout/payment_method.html"
    success_url = reverse_lazy("checkout:preview")

    def get(self, request, *args, **kwargs):
        chosen = method_for(self.checkout_session.payment_method())
        return self.render_to_response(self.get_context_data(chosen=chosen))

    def post(self, request, *args, **kwargs):
        code = request.POST.get("payment_method")
        if code not in METHODS:
            context = self.get_context_data(chosen=method_for(None), error=_("Hãy chọn một cách thanh toán."))
            return self.render_to_response(context, status=400)
        self.checkout_session.pay_by(code)
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(methods=METHODS.values(), **kwargs)


@require_GET
def communes(request):
    """The communes of a province, for the address form's second list (JSON)."""
    try:
        province = int(request.GET.get("province", ""))
    except ValueError:
        return JsonResponse({"communes": []}, status=400)
    choices = places.commune_choices(province)
    return JsonResponse({"communes": [{"code": code, "name": name} for code, name in choices]})
