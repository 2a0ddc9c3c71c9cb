"""Checkout (Oscar's views with idempotent submission: one basket, one order, one payment) and
following an order afterwards: the guest lookup and the order page."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit
from oscar.apps.checkout.views import PaymentDetailsView as CorePaymentDetailsView
from oscar.apps.checkout.views import PaymentMethodView as CorePaymentMethodView
from oscar.apps.checkout.views import ShippingMethodView as CoreShippingMethodView
from oscar.core.loading import get_class, get_model

import places
from checkout.cancellation import cancel_order, may_cancel
from checkout.models import CancelReason
from checkout.notifications import transfer_details, transfer_of
from checkout.payment_methods import METHODS, method_for
from checkout.reconciliation import payment_reference
from checkout.shipping.methods import pickup_point_id
from checkout.statuses import AWAITING_PAYMENT
from checkout.tracking import (
    MAX_ORDER_NUMBER_LENGTH,
    find_order,
    order_from_token,
    order_token,
    payment_state,
    producer_parts,
)
from salespoints.pickup import NO_LONGER_HELD

OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
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
        if kwargs.get("shipping_method") is None:
            # The method passed Oscar's check at dispatch, then went: another shopper has just
            # collected the last jar at the chosen point. Oscar would fail on the missing charge.
            messages.warning(self.request, NO_LONGER_HELD)
            return redirect("checkout:shipping-method")
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

    def get_context_data(self, **kwargs):
        """The preview shows the chosen payment method and, for a transfer, exactly what to send:
        the order number is known already (Oscar derives it from the basket)."""
        context = super().get_context_data(**kwargs)
        method = context["payment_method"] = method_for(self.checkout_session.payment_method())
        total = context.get("order_total")
        if method.shows_vietqr and total is not None and total.incl_tax > 0:
            number = OrderNumberGenerator().order_number(self.request.basket)
            context["transfer"] = transfer_of(int(total.incl_tax), payment_reference(number))
            context["transfer_wait_hours"] = settings.TRANSFER_WAIT_HOURS
        return context


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


class LookupForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Số đơn hàng"), max_length=MAX_ORDER_NUMBER_LENGTH)
    contact = forms.CharField(
        label=gettext_lazy("Email hoặc số điện thoại đã dùng khi đặt hàng"), max_length=254,
    )


TOO_MANY_LOOKUPS = gettext_lazy("Quý khách đã tra cứu quá nhiều lần; hãy thử lại sau ít phút.")
NOT_FOUND = gettext_lazy("Không tìm thấy đơn hàng khớp với số đơn và email hoặc số điện thoại này.")


@ratelimit(key="ip", rate=lambda group, request: settings.ORDER_LOOKUP_RATE, method="POST", block=False)
def order_lookup(request):
    """Tra cứu đơn hàng: one answer for every miss, and a limit per client like logins."""
    form = LookupForm(request.POST or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            context = {"form": form, "error": TOO_MANY_LOOKUPS}
            return render(request, "checkout/order_lookup.html", context, status=429)
        order = form.is_valid() and find_order(form.cleaned_data["number"], form.cleaned_data["contact"])
        if order:
            return redirect("order-page", token=order_token(order))
        return render(request, "checkout/order_lookup.html", {"form": form, "error": NOT_FOUND}, status=404)
    return render(request, "checkout/order_lookup.html", {"form": form})


def order_page(request, token):
    """The order as its shopper follows it, reached by the signed link; cancel from here too."""
    order = order_from_token(token)
    if order is None:
        raise Http404
    if request.method == "POST":
        if request.POST.get("action") != "cancel" or request.POST.get("confirm") != "yes":
            messages.error(request, _("Hãy đánh dấu «Tôi muốn hủy đơn hàng này» để hủy."))
        elif cancel_order(order, because=CancelReason.SHOPPER):
            messages.success(request, _("Đơn hàng đã được hủy."))
        else:
            messages.error(request, _("Không thể hủy: một phần đơn hàng đã được giao cho vận chuyển."))
        return redirect("order-page", token=token)
    awaiting_transfer = order.status == AWAITING_PAYMENT
    context = {
        "order": order, "token": token, "parts": producer_parts(order), "payment": payment_state(order),
        "may_cancel": may_cancel(order), "transfer": transfer_details(order) if awaiting_transfer else None,
    }
    return render(request, "checkout/order_page.html", context)
