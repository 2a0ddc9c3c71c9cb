"""The ways an order reaches the shopper: home delivery, or pickup at an OCOP sales point."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403  Oscar's other methods, unchanged
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from checkout.shipping.fees import delivery_fee

PICKUP_PREFIX = "pickup-"


class Delivery(Base):
    code = "delivery"
    name = _("Giao hàng tận nơi")

    def __init__(self, province_code: int | None = None):
        self.province_code = province_code

    def calculate(self, basket):
        fee = delivery_fee(self.province_code, basket.total_incl_tax)
        return prices.Price(currency=basket.currency, excl_tax=fee, tax=Decimal(0))


class Pickup(Base):
    """Collect at a sales point that holds every line; no fee."""

    def __init__(self, sales_point):
        self.sales_point = sales_point
        self.code = pickup_code(sales_point.pk)
        self.name = _("Nhận tại điểm bán: %(name)s") % {"name": sales_point.name}
        self.description = ", ".join(
            part for part in (sales_point.street, sales_point.commune_name, sales_point.province_name,
                              sales_point.opening_hours) if part
        )

    def calculate(self, basket):
        return prices.Price(currency=basket.currency, excl_tax=Decimal(0), tax=Decimal(0))


def pickup_code(sales_point_id: int) -> str:
    return f"{PICKUP_PREFIX}{sales_point_id}"


def pickup_point_id(code: str) -> int | None:
    """The sales point of a pickup method's code (as stored on the order), else None."""
    if code and code.startswith(PICKUP_PREFIX) and code[len(PICKUP_PREFIX):].isdecimal():
        return int(code[len(PICKUP_PREFIX):])
    return None
