"""Order and line statuses, as staff and producers see them (settings: OSCAR_*_STATUS_PIPELINE).

Each producer moves its own lines; the order follows its lines, so a multi-producer order is
"partly shipped" while some producers have handed their goods over and others not yet, and
shipped or delivered only once every producer has.
"""

from django.utils.translation import gettext_noop

AWAITING_PAYMENT = gettext_noop("Chờ thanh toán")
PAID = gettext_noop("Đã thanh toán")
TO_SHIP = gettext_noop("Chờ giao hàng")
PARTLY_SHIPPED = gettext_noop("Giao một phần")
SHIPPING = gettext_noop("Đang giao")
DELIVERED = gettext_noop("Đã giao")
CANCELLED = gettext_noop("Đã hủy")


def order_status_following(current: str, line_statuses: list[str]) -> str:
    """The status an order takes from its lines' statuses (``current`` when they say nothing new)."""
    live = [status for status in line_statuses if status != CANCELLED]
    if not live:
        return CANCELLED
    if all(status == DELIVERED for status in live):
        return DELIVERED
    handed_over = [status in (SHIPPING, DELIVERED) for status in live]
    if all(handed_over):
        return SHIPPING
    if any(handed_over):
        return PARTLY_SHIPPED
    if current == AWAITING_PAYMENT and AWAITING_PAYMENT not in live:
        return PAID  # every producer has confirmed its part of the transfer
    return current


def follow_lines(order) -> None:
    """Move ``order`` to the status its lines call for, when its pipeline allows the step."""
    wanted = order_status_following(order.status, list(order.lines.values_list("status", flat=True)))
    if wanted != order.status and wanted in order.available_statuses():
        order.set_status(wanted)
