"""What home delivery costs: a flat fee for the delivery address's region, free above a threshold.

The fees and the threshold are settings (SHIPPING_FEES_VND, FREE_SHIPPING_FROM_VND), read from
the environment; amounts are whole dong.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    NORTH = "north", _("Miền Bắc")
    CENTRAL = "central", _("Miền Trung và Tây Nguyên")
    SOUTH = "south", _("Miền Nam")


# Province codes after the 07/2025 reform (places); every other province is in the south.
NORTH = frozenset({1, 4, 8, 11, 12, 14, 15, 19, 20, 22, 24, 25, 31, 33, 37})
CENTRAL = frozenset({38, 40, 42, 44, 46, 48, 51, 52, 56, 66, 68})


def region_of(province_code: int) -> Region:
    if province_code in NORTH:
        return Region.NORTH
    if province_code in CENTRAL:
        return Region.CENTRAL
    return Region.SOUTH


def free_delivery_from() -> Decimal:
    return Decimal(settings.FREE_SHIPPING_FROM_VND)


def delivery_fee(province_code: int | None, goods_total: Decimal) -> Decimal:
    """The fee for delivering goods worth ``goods_total`` to a province.

    Without a province yet (the basket page) the dearest region's fee is quoted, so the shopper
    is never told less than they will pay.
    """
    if goods_total >= free_delivery_from():
        return Decimal(0)
    fees = settings.SHIPPING_FEES_VND
    fee = fees[region_of(province_code)] if province_code else max(fees.values())
    return Decimal(fee)
