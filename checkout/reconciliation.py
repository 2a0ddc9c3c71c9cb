"""Matching money received by bank transfer to the orders it pays, and what staff do with the rest.

A transfer's description carries the order's payment reference (``OCOP`` + the order number);
banks add text of their own around it, and shoppers type it with spaces or in lower case. The
exact amount marks the order paid (and the shopper is told); a short or over payment, a
transfer for a cancelled order, or one naming no order is kept for staff, with the difference,
and never taken as payment by itself. The webhook and the statement upload only feed ``record``;
staff decisions go through ``accept``, ``assign``, ``settle`` and ``mark_refunded``, each logged
with who made it.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from checkout.cancellation import cancel_order
from checkout.models import BankNotice, CancelReason
from checkout.statuses import AWAITING_PAYMENT, CANCELLED, PAID
from formats import vnd, without_control_characters

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")

REFERENCE_PREFIX = "OCOP"
# The largest transfer we take for an order (a bank notice above it is refused as malformed).
MAX_AMOUNT = Decimal(10**12 - 1)
# "OCOP" with anything but letters and digits between its letters, then digits with single
# separators ("ocop 100 123", "OCOP-100123", "MBVCB.1234.OCOP100123.CT tu ...").
_REFERENCE = re.compile(r"O[^A-Z0-9]*C[^A-Z0-9]*O[^A-Z0-9]*P[^A-Z0-9]*(\d+(?:[ .\-_]?\d+)*)", re.IGNORECASE)


ALREADY_RECORDED = gettext_lazy("Giao dịch %(reference)s đã được ghi nhận.")


class ReconciliationError(Exception):
    """A staff action that does not apply to this notice; the message says why."""


@dataclass(frozen=True)
class Transfer:
    """Money received, as a bank notice or a statement row tells it."""

    bank_reference: str
    amount: Decimal
    description: str
    transacted_at: datetime | None = None


def payment_reference(order_number: str) -> str:
    """What the shopper writes as the transfer's description (the VietQR code fills it in)."""
    return f"{REFERENCE_PREFIX}{order_number}"


def order_numbers_in(description: str) -> list[str]:
    """Every order number ``description`` may name: each leading run of the digits after "OCOP"
    (banks and shoppers glue other numbers on: a phone, the bank's own reference)."""
    numbers = []
    for match in _REFERENCE.finditer(description or ""):
        digits = re.sub(r"\D", "", match.group(1))
        numbers += [digits[:length] for length in range(1, len(digits) + 1)]
    return numbers


def _order_named_in(description: str):
    orders = list(Order.objects.filter(number__in=order_numbers_in(description))[:2])
    return orders[0] if len(orders) == 1 else None


def amount_error(amount: Decimal | None) -> str | None:
    """Why ``amount`` cannot be a transfer we received, or None."""
    if amount is None or not amount.is_finite() or amount != amount.to_integral_value():
        return _("Số tiền phải là một số nguyên đồng.")
    if amount <= 0:
        return _("Số tiền phải lớn hơn 0.")
    if amount > MAX_AMOUNT:
        return _("Số tiền quá lớn.")
    return None


def _keep_unused(outcome: str, *, channel: str, payload: str, reason: str) -> BankNotice:
    return BankNotice.objects.create(
        channel=channel, payload=without_control_characters(payload), outcome=outcome, reason=reason[:255]
    )


def refuse(*, channel: str, payload: str, reason: str) -> BankNotice:
    """Keep a notice we could not use (bad signature, malformed), for the audit trail."""
    return _keep_unused(BankNotice.Outcome.REFUSED, channel=channel, payload=payload, reason=reason)


def ignore(*, channel: str, payload: str, reason: str) -> BankNotice:
    """Keep a notice that pays nothing in (money going out)."""
    return _keep_unused(BankNotice.Outcome.IGNORED, channel=channel, payload=payload, reason=reason)


def record(transfer: Transfer, *, channel: str, payload: str) -> BankNotice:
    """Keep the notice of ``transfer`` and apply it to the order it names, once per bank transaction.

    A second notice of the same bank reference (a replay, the statement after the webhook, two
    deliveries at the same moment) is kept as a duplicate: the unique constraint on counted
    notices makes the later of two concurrent inserts wait for the first and then fail.
    """
    fields = {
        "channel": channel, "payload": payload, "bank_reference": transfer.bank_reference[:100],
        "amount": transfer.amount, "description": transfer.description,
        "transacted_at": transfer.transacted_at,
    }
    with transaction.atomic():
        try:
            with transaction.atomic():
                notice = BankNotice.objects.create(**fields, outcome=BankNotice.Outcome.UNMATCHED)
        except IntegrityError:
            return BankNotice.objects.create(
                **fields, outcome=BankNotice.Outcome.DUPLICATE,
                reason=ALREADY_RECORDED % {"reference": transfer.bank_reference},
            )
        _apply(notice, _order_named_in(transfer.description))
    return notice


def match_waiting_notices(order) -> None:
    """Apply to a just-placed order the transfers that named it before it existed (a shopper may
    pay from the checkout preview, whose code already carries the order's reference)."""
    since = timezone.now() - timedelta(hours=settings.TRANSFER_WAIT_HOURS)
    waiting = BankNotice.objects.select_for_update().filter(
        outcome=BankNotice.Outcome.UNMATCHED, settled_by__isnull=True, received_at__gte=since
    ).order_by("pk")
    for notice in waiting:
        if str(order.number) in order_numbers_in(notice.description):  # Oscar makes the number an int
            _apply(notice, order)
            order.refresh_from_db()


def _apply(notice: BankNotice, order, *, by=None) -> None:
    """Set the notice's outcome against ``order`` (locked), paying it when the amount is exact."""
    Outcome = BankNotice.Outcome
    if order is None:
        notice.outcome, notice.order, notice.difference = Outcome.UNMATCHED, None, None
        notice.save()
        return
    order = Order.objects.select_for_update().get(pk=order.pk)
    notice.order = order
    if order.status == CANCELLED:
        notice.outcome, notice.difference = Outcome.REFUND, notice.amount
        notice.reason = _("Đơn hàng đã hủy: hoàn lại toàn bộ số tiền.")
    elif order.status != AWAITING_PAYMENT:
        notice.outcome, notice.difference = Outcome.OVER, notice.amount
        notice.reason = _("Đơn hàng không chờ chuyển khoản (đã thanh toán hoặc trả khi nhận hàng).")
    else:
        notice.difference = notice.amount - order.total_incl_tax
        if notice.difference == 0:
            notice.outcome, notice.reason = Outcome.PAID, ""
            _mark_paid(order, notice, by=by)
        elif notice.difference < 0:
            notice.outcome = Outcome.SHORT
            notice.reason = _("Thiếu %(missing)s so với %(due)s phải trả.") % {
                "missing": vnd(-notice.difference), "due": vnd(order.total_incl_tax)}
        else:
            notice.outcome = Outcome.OVER
            notice.reason = _("Thừa %(extra)s so với %(due)s phải trả.") % {
                "extra": vnd(notice.difference), "due": vnd(order.total_incl_tax)}
    notice.save()


def record_payment(order, amount: Decimal | None = None, reference: str = "") -> None:
    """Debit the order's payment source (once): what has been received is what a refund gives back."""
    source = order.sources.first()
    if source is not None and not source.amount_debited:
        source.debit(amount if amount is not None else source.amount_allocated, reference=reference)


def _mark_paid(order, notice: BankNotice, *, by=None) -> None:
    record_payment(order, notice.amount, notice.bank_reference)
    message = _("Đã nhận chuyển khoản %(amount)s, giao dịch %(reference)s.") % {
        "amount": vnd(notice.amount), "reference": notice.bank_reference or notice.pk}
    if by is not None:
        message += " " + _("Xác nhận bởi %(user)s.") % {"user": by.get_username()}
    order.notes.create(user=by, note_type=OrderNote.SYSTEM, message=message)
    order.set_status(PAID)  # the shopper is told by the status receiver, after commit


def _settle(notice: BankNotice, user, settlement: str) -> None:
    notice.settled_by, notice.settled_at, notice.settlement = user, timezone.now(), settlement[:255]
    notice.save(update_fields=["settled_by", "settled_at", "settlement"])


def _open_notice(notice_id: int) -> BankNotice:
    notice = BankNotice.objects.select_for_update().filter(pk=notice_id).first()
    if notice is None or not notice.needs_staff:
        raise ReconciliationError(_("Thông báo này không còn chờ xử lý."))
    return notice


@transaction.atomic
def accept(notice_id: int, user) -> BankNotice:
    """Staff take a short or over payment as the order's payment (the difference is theirs to settle)."""
    notice = _open_notice(notice_id)
    if notice.outcome not in (BankNotice.Outcome.SHORT, BankNotice.Outcome.OVER):
        raise ReconciliationError(_("Chỉ chấp nhận được khoản chuyển thiếu hoặc thừa."))
    order = Order.objects.select_for_update().get(pk=notice.order_id)
    if order.status != AWAITING_PAYMENT:
        raise ReconciliationError(_("Đơn hàng không còn chờ chuyển khoản."))
    _mark_paid(order, notice, by=user)
    _settle(notice, user, _("Chấp nhận làm thanh toán của đơn %(number)s (chênh lệch %(difference)s).") % {
        "number": order.number, "difference": vnd(notice.difference)})
    return notice


@transaction.atomic
def assign(notice_id: int, user, order_number: str) -> BankNotice:
    """Staff name the order an unmatched transfer was for; it is then matched like any other."""
    notice = _open_notice(notice_id)
    if notice.outcome != BankNotice.Outcome.UNMATCHED:
        raise ReconciliationError(_("Thông báo này đã khớp với một đơn hàng."))
    order = Order.objects.filter(number=(order_number or "").strip()).first()
    if order is None:
        raise ReconciliationError(_("Không có đơn hàng số %(number)s.") % {"number": order_number})
    _apply(notice, order, by=user)
    order.notes.create(user=user, note_type=OrderNote.SYSTEM, message=_(
        "Khoản chuyển %(reference)s được gán cho đơn này bởi %(user)s.") % {
        "reference": notice.bank_reference or notice.pk, "user": user.get_username()})
    if notice.outcome == BankNotice.Outcome.PAID:
        _settle(notice, user, _("Gán cho đơn %(number)s.") % {"number": order.number})
    return notice


@transaction.atomic
def settle(notice_id: int, user, note: str) -> BankNotice:
    """Staff close a notice in their own words (refunded, the rest received, not for an order)."""
    if not (note or "").strip():
        raise ReconciliationError(_("Hãy ghi cách đã xử lý."))
    notice = _open_notice(notice_id)
    _settle(notice, user, note.strip())
    return notice


def refunds_due():
    """Cancelled orders whose payment was received and not yet given back."""
    return (
        Order.objects.filter(status=CANCELLED, sources__amount_debited__gt=F("sources__amount_refunded"))
        .distinct().order_by("-date_placed")
    )


@transaction.atomic
def mark_refunded(order_number: str, user, reference: str) -> None:
    order = Order.objects.select_for_update().filter(number=order_number).first()
    if order is None or not refunds_due().filter(pk=order.pk).exists():
        raise ReconciliationError(_("Đơn hàng này không chờ hoàn tiền."))
    for source in order.sources.all():
        due = source.amount_debited - source.amount_refunded
        if due > 0:
            source.refund(due, reference=reference[:128])
    order.notes.create(user=user, note_type=OrderNote.SYSTEM, message=_(
        "Đã hoàn tiền (%(reference)s), ghi nhận bởi %(user)s.") % {
        "reference": reference, "user": user.get_username()})


def expire_unpaid_transfers(now: datetime | None = None) -> int:
    """Cancel orders that have waited for their transfer longer than TRANSFER_WAIT_HOURS."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.TRANSFER_WAIT_HOURS)
    expired = 0
    for order in Order.objects.filter(status=AWAITING_PAYMENT, date_placed__lt=cutoff).order_by("pk"):
        expired += cancel_order(order, because=CancelReason.UNPAID)
    return expired
