from decimal import Decimal

import pytest

import places
from checkout.shipping.fees import Region, delivery_fee, region_of
from checkout.statuses import (
    AWAITING_PAYMENT,
    CANCELLED,
    DELIVERED,
    PAID,
    PARTLY_SHIPPED,
    SHIPPING,
    TO_SHIP,
    order_status_following,
)

FEES = {"north": 30000, "central": 35000, "south": 25000}


@pytest.fixture(autouse=True)
def fees(settings):
    settings.SHIPPING_FEES_VND = FEES
    settings.FREE_SHIPPING_FROM_VND = 500000


def test_every_province_has_a_region_and_the_regions_split_the_country():
    regions = [region_of(code) for code, _name in places.province_choices()]
    assert len(regions) == 34
    assert [regions.count(region) for region in Region] == [15, 11, 8]
    assert region_of(1) == Region.NORTH and region_of(46) == Region.CENTRAL and region_of(79) == Region.SOUTH


@pytest.mark.parametrize(("province", "total", "fee"), [
    (1, Decimal(210000), 30000),       # Hà Nội
    (46, Decimal(210000), 35000),      # Huế
    (79, Decimal(499999), 25000),      # Hồ Chí Minh, one dong short of free
    (79, Decimal(500000), 0),
    (None, Decimal(100000), 35000),    # no address yet: the dearest region
])
def test_delivery_fee_by_region_free_from_the_threshold(province, total, fee):
    assert delivery_fee(province, total) == Decimal(fee)


@pytest.mark.parametrize(("current", "lines", "expected"), [
    (TO_SHIP, [SHIPPING, TO_SHIP], PARTLY_SHIPPED),  # one producer alone never ships the order
    (PAID, [DELIVERED, TO_SHIP], PARTLY_SHIPPED),
    (PARTLY_SHIPPED, [SHIPPING, SHIPPING], SHIPPING),
    (PARTLY_SHIPPED, [DELIVERED, TO_SHIP], PARTLY_SHIPPED),
    (SHIPPING, [DELIVERED, SHIPPING], SHIPPING),
    (TO_SHIP, [SHIPPING, CANCELLED], SHIPPING),
    (SHIPPING, [DELIVERED, DELIVERED], DELIVERED),
    (SHIPPING, [DELIVERED, CANCELLED], DELIVERED),
    (TO_SHIP, [CANCELLED, CANCELLED], CANCELLED),
    (AWAITING_PAYMENT, [TO_SHIP, AWAITING_PAYMENT], AWAITING_PAYMENT),
    (AWAITING_PAYMENT, [TO_SHIP, TO_SHIP], PAID),
    (TO_SHIP, [TO_SHIP, TO_SHIP], TO_SHIP),
])
def test_an_order_follows_its_lines(current, lines, expected):
    assert order_status_following(current, lines) == expected


def test_the_configured_pipelines_use_exactly_the_status_words_of_the_code(settings):
    """Settings spell the statuses out (they cannot import app code); they must match the constants."""
    used = {AWAITING_PAYMENT, PAID, TO_SHIP, PARTLY_SHIPPED, SHIPPING, DELIVERED, CANCELLED}
    for pipeline in (settings.OSCAR_ORDER_STATUS_PIPELINE, settings.OSCAR_LINE_STATUS_PIPELINE):
        assert set(pipeline) | {s for nexts in pipeline.values() for s in nexts} <= used
    assert settings.OSCAR_ORDER_STATUS_CASCADE == {PAID: TO_SHIP, CANCELLED: CANCELLED}
