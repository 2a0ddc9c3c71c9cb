from django.db import transaction
from django.dispatch import receiver
from oscar.apps.order.signals import order_line_status_changed, order_status_changed

from checkout.notifications import notify_shopper_of_status
from checkout.statuses import follow_lines


@receiver(order_line_status_changed)
def order_follows_its_lines(sender, line, **kwargs):
    follow_lines(line.order)


@receiver(order_status_changed)
def tell_shopper_of_status(sender, order, new_status, **kwargs):
    transaction.on_commit(lambda: notify_shopper_of_status.enqueue(order.pk, new_status))
