"""Emails about an order, sent through the task queue after the order (or its change) commits.

A failed email is logged by the task runner and never touches the order. The shopper hears in
the language they bought in; producers get Vietnamese with an English copy below.
"""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from oscar.core.loading import get_model

from access.notices import ORDER_LINES, send_template, tell
from catalogue.models import Producer
from checkout import vietqr
from checkout.banks import bank_by_bin
from checkout.models import CancelReason
from checkout.payment_methods import method_for, shop_bank_account
from checkout.reconciliation import payment_reference
from checkout.statuses import CANCELLED, DELIVERED, PAID, PARTLY_SHIPPED, SHIPPING
from checkout.tracking import order_page_url, producer_parts

Order = get_model("order", "Order")

# Status changes the shopper is told about (the others are steps inside the shop).
SHOPPER_STATUSES = (PAID, PARTLY_SHIPPED, SHIPPING, DELIVERED, CANCELLED)


def transfer_details(order) -> dict | None:
    """What the shopper needs to pay ``order`` by transfer, or None when it is not paid that way."""
    source = next(iter(order.sources.all()), None)
    if source is None or not method_for(source.source_type.code).shows_vietqr:
        return None
    return transfer_of(int(source.amount_allocated), payment_reference(order.number))


def transfer_of(amount: int, reference: str) -> dict:
    """The shop's account, its bank, the amount and the reference to write, and the VietQR text."""
    account = shop_bank_account()
    text = vietqr.payload(account, amount, reference)
    return {"account": account, "bank": bank_by_bin(account.bin), "amount": amount, "note": reference,
            "payload": text}


def _order(order_id: int):
    return (
        Order.objects.select_related("shipping_address", "user", "preferences__pickup_point")
        .prefetch_related("lines", "sources__source_type")
        .get(pk=order_id)
    )


def _preferences(order):
    """The shopper's choices; orders placed before they were recorded have none."""
    return getattr(order, "preferences", None)


def pickup_point(order):
    preferences = _preferences(order)
    return preferences.pickup_point if preferences else None


def _tell_shopper(order, template: str, **context) -> bool:
    if not order.email:
        return False
    preferences = _preferences(order)
    unpaid = bool(preferences and preferences.cancelled_because == CancelReason.UNPAID)
    context |= {"order": order, "lines": order.lines.all(), "status_url": order_page_url(order),
                "pickup_point": pickup_point(order), "parts": producer_parts(order),
                "cancelled_unpaid": unpaid, "wait_hours": settings.TRANSFER_WAIT_HOURS}
    with translation.override(preferences.language if preferences else settings.LANGUAGE_CODE):
        send_template(template, context, [order.email])
    return True


@task()
def notify_shopper_order_placed(order_id: int) -> bool:
    order = _order(order_id)
    return _tell_shopper(order, "catalogue/email/order_placed", transfer=transfer_details(order))


@task()
def notify_shopper_of_status(order_id: int, status: str) -> bool:
    """Tell the shopper their order moved on (paid, on its way, delivered, cancelled)."""
    if status not in SHOPPER_STATUSES:
        return False
    return _tell_shopper(_order(order_id), "catalogue/email/order_status", status=status)


@task()
def notify_producers(order_id: int) -> int:
    """One email per producer with lines in the order; returns how many were sent."""
    order = _order(order_id)
    lines_by_partner = defaultdict(list)
    for line in order.lines.all():
        lines_by_partner[line.partner_id].append(line)
    producers = Producer.objects.select_related("partner").filter(partner_id__in=lines_by_partner)
    sent = 0
    for producer in producers:  # in each reader's language, whatever the shopper's request was in
        context = {"order": order, "producer": producer, "lines": lines_by_partner[producer.partner_id],
                   "pickup_point": pickup_point(order),
                   "dashboard_url": settings.PUBLIC_BASE_URL
                   + reverse("dashboard:order-detail", kwargs={"number": order.number})}
        sent += tell(producer.partner.users.all(), ORDER_LINES, "catalogue/email/new_order", context,
                     addresses=[producer.email])
    return sent
