"""Tell each producer of an order about its own lines, by email, through the task queue.

Sent after the order commits: a failed email is logged by the task runner and never touches the
order, which is already placed.
"""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task
from oscar.core.loading import get_model

from catalogue.expiry import producer_recipients
from catalogue.models import Producer

Order = get_model("order", "Order")


@task()
def notify_producers(order_id: int) -> int:
    """One email per producer with lines in the order; returns how many were sent."""
    order = Order.objects.select_related("shipping_address").get(pk=order_id)
    lines_by_partner = defaultdict(list)
    for line in order.lines.all():
        lines_by_partner[line.partner_id].append(line)
    producers = Producer.objects.select_related("partner").filter(partner_id__in=lines_by_partner)
    sent = 0
    for producer in producers:
        recipients = producer_recipients(producer)
        if not recipients:
            continue
        context = {"order": order, "producer": producer, "lines": lines_by_partner[producer.partner_id]}
        send_mail(
            subject=render_to_string("catalogue/email/new_order_subject.txt", context).strip(),
            message=render_to_string("catalogue/email/new_order.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
        sent += 1
    return sent
