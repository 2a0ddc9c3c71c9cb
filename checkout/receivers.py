from django.db import transaction
from django.dispatch import receiver
from oscar.apps.order.signals import order_line_status_changed, order_status_changed

from checkout.notifications import notify_shopper_of_status
from checkout.reconciliation import record_payment
from checkout.statuses import PAID, follow_lines


@receiver(order_line_status_changed)
def order_follows_its_lines(sender, line, **kwargs):
    follow_lines(line.order)


@receiver(order_status_changed)
def payment_follows_paid_status(sender, order, new_status, **kwargs):
    """Staff marking an order paid in the dashboard records its payment, so that cancelling it
    later asks for a refund (a transfer matched by its notice is recorded before the change)."""
    if new_status == PAID:
        record_payment(order)


@receiver(order_status_changed)
def tell_shopper_of_status(sender, order, new_status, **kwargs):
    transaction.on_commit(lambda: notify_shopper_of_status.enqueue(order.pk, new_status))
