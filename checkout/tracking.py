"""Following an order once it is placed: the signed link in every email, the guest lookup by order
number and email or phone, and the order as its shopper sees it (each producer's part, the payment).
"""

from dataclasses import dataclass, field
from decimal import Decimal

import phonenumbers
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from access.rules import own_order_lines
from catalogue.models import Producer
from checkout.payment_methods import method_for
from checkout.statuses import CANCELLED, TO_SHIP, order_status_following

Order = get_model("order", "Order")
Line = get_model("order", "Line")

TOKEN_SALT = "checkout.tracking.order"  # noqa: S105  a namespace for the signature, not a secret
MAX_ORDER_NUMBER_LENGTH = 30


def order_token(order) -> str:
    """The signed, unguessable part of the order page's URL: one per order, whenever it is made
    (no timestamp: it never expires, as the emails keep it)."""
    return signing.Signer(salt=TOKEN_SALT).sign_object(str(order.number))


def order_from_token(token: str):
    try:
        number = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    return Order.objects.filter(number=number).first()


def order_page_path(order) -> str:
    return reverse("order-page", kwargs={"token": order_token(order)})


def order_page_url(order) -> str:
    """The order page as emails link to it (on PUBLIC_BASE_URL)."""
    return settings.PUBLIC_BASE_URL + order_page_path(order)


def _phone(text: str):
    try:
        number = phonenumbers.parse(text, settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def find_order(number: str, contact: str):
    """The order ``number`` if ``contact`` is the email it was placed with or its delivery phone.

    None whatever is wrong (no such order, another contact, a malformed number), so the answer
    tells nothing about which orders exist.
    """
    number, contact = (number or "").strip(), (contact or "").strip()
    if not number.isdecimal() or len(number) > MAX_ORDER_NUMBER_LENGTH or not contact:
        return None
    order = Order.objects.select_related("user", "shipping_address").filter(number=number).first()
    if order is None:
        return None
    if "@" in contact:
        return order if (order.email or "").casefold() == contact.casefold() else None
    address_phone = order.shipping_address and order.shipping_address.phone_number
    wanted = _phone(contact)
    return order if wanted and address_phone and wanted == address_phone.as_e164 else None


@dataclass
class ProducerPart:
    """One producer's lines of an order, with the state they are in together."""

    producer_name: str
    lines: list = field(default_factory=list)

    @property
    def status(self) -> str:
        """The lines' common status, or what an order of only these lines would show."""
        return order_status_following(self.lines[0].status, [line.status for line in self.lines])

    @property
    def subtotal(self) -> Decimal:
        return sum((line.line_price_incl_tax for line in self.lines), Decimal(0))


def producer_parts(order) -> list[ProducerPart]:
    lines = list(order.lines.select_related("partner").order_by("pk"))
    partner_ids = {line.partner_id for line in lines}
    names = dict(Producer.objects.filter(partner_id__in=partner_ids).values_list("partner_id", "name"))
    parts = {}
    for line in lines:
        if line.partner_id not in parts:
            parts[line.partner_id] = ProducerPart(names.get(line.partner_id) or line.partner_name)
        parts[line.partner_id].lines.append(line)
    return list(parts.values())


@dataclass(frozen=True)
class PaymentState:
    method: str
    state: str


def payment_state(order) -> PaymentState:
    """How the order is paid and how far that has got, as the shopper reads it."""
    source = order.sources.select_related("source_type").first()
    method = method_for(source.source_type.code if source else None)
    debited = source.amount_debited if source else Decimal(0)
    refunded = source.amount_refunded if source else Decimal(0)
    if refunded > 0:
        state = _("Đã hoàn tiền")
    elif debited > 0 and order.status == CANCELLED:
        state = _("Đã thanh toán, chờ hoàn tiền")
    elif debited > 0:
        state = _("Đã thanh toán")
    elif order.status == CANCELLED:
        state = _("Không thanh toán (đơn đã hủy)")
    elif method.shows_vietqr:
        state = _("Chờ chuyển khoản")
    else:
        state = _("Trả tiền mặt khi nhận hàng")
    return PaymentState(method=str(method.name), state=str(state))


def lines_to_ship(user):
    """The order lines waiting for ``user``'s producer to hand them over, oldest order first."""
    lines = Line.objects.filter(status=TO_SHIP).select_related("order", "product")
    return own_order_lines(user, lines.order_by("order__date_placed", "pk"))
