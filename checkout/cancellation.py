"""Cancelling an order before anything of it has shipped: its stock goes back at once.

Oscar allocated the stock of every line when the order was placed, and a pickup order took its
goods off the sales point's count; both are given back in the cancelling transaction. An order
that was already paid stays flagged for a refund until staff record one (checkout.reconciliation).
"""

from django.db import transaction
from oscar.core.loading import get_class, get_model

from checkout.models import OrderPreferences
from checkout.statuses import AWAITING_PAYMENT, CANCELLED, PAID, TO_SHIP
from salespoints.pickup import release_pickup

Order = get_model("order", "Order")
EventHandler = get_class("order.processing", "EventHandler")

# An order may be cancelled while it is in one of these and none of its lines has left.
CANCELLABLE = (AWAITING_PAYMENT, PAID, TO_SHIP)


def may_cancel(order) -> bool:
    return order.status in CANCELLABLE and all(
        line.status in CANCELLABLE for line in order.lines.all()
    )


def cancel_order(order, *, because: str) -> bool:
    """Cancel ``order`` (locked and re-read first) and release its stock; False when it may not be."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if not may_cancel(order):
            return False
        EventHandler().cancel_stock_allocations(order)
        preferences, _created = OrderPreferences.objects.get_or_create(order=order)
        if preferences.pickup_point_id:
            release_pickup(preferences.pickup_point_id, {
                line.product_id: line.quantity for line in order.lines.all() if line.product_id
            })
        preferences.cancelled_because = because
        preferences.save(update_fields=["cancelled_because"])
        order.set_status(CANCELLED)  # its lines follow (OSCAR_ORDER_STATUS_CASCADE)
    return True
