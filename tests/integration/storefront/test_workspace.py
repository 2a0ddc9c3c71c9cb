"""Cơ sở của tôi: a producer's products, lines to ship, lots and areas on one page, nobody else's."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from access import grants
from catalogue.certification import local_today
from tests.checkout import add_to_basket, fill_guest_checkout, place_order
from tests.factories import (
    CertificateFactory,
    LotFactory,
    ProducerFactory,
    ProductFactory,
    RawMaterialAreaFactory,
    StampFactory,
    producer_page,
)

pytestmark = pytest.mark.django_db

WORKSPACE = "/cms/ocop/co-so/"


@pytest.fixture
def salt():
    producer = ProducerFactory(name="HTX Muối Cần Giờ", slug="htx-muoi")
    producer_page(producer)
    selling = ProductFactory(producer=producer, title="Muối tôm Cần Giờ", stockrecords__price=45000)
    selling.certificates.update(valid_until=local_today() + timedelta(days=12))
    lapsed = ProductFactory(producer=producer, title="Muối hột Lý Nhơn", certificate=None)
    CertificateFactory(product=lapsed, valid_from=local_today() - timedelta(days=1200),
                       valid_until=local_today() - timedelta(days=3))
    return producer, selling


@pytest.fixture
def owner(salt):
    user = get_user_model().objects.create_user("chu-muoi", "chu@muoi.vn", "pw")
    grants.add_producer_user(user, salt[0])
    client = Client()
    client.force_login(user)
    return client


def test_a_producer_sees_its_products_orders_lots_and_areas(owner, salt, settings):
    settings.SCAN_WARNING_COUNT = 20
    producer, selling = salt
    shopper = Client()
    add_to_basket(shopper, selling, quantity=3)
    fill_guest_checkout(shopper)
    place_order(shopper)  # cash on delivery: the line waits for the producer
    lot = LotFactory(product=selling, code="LN-2026-07")
    StampFactory(lot=lot, scan_count=57, client_count=30)
    StampFactory(lot=lot, scan_count=2, client_count=1)
    RawMaterialAreaFactory(producer=producer, name="Ruộng muối Lý Nhơn")
    elsewhere = ProductFactory(title="Mè xửng Huế")
    LotFactory(product=elsewhere, code="HUE-01")

    page = owner.get(WORKSPACE).content.decode()

    assert "Muối tôm Cần Giờ" in page and "hết hạn sau 12 ngày" in page and "45.000" in page
    assert "Muối hột Lý Nhơn" in page and "Chứng nhận OCOP đã hết hạn ngày" in page
    assert "LN-2026-07" in page and "<td>59</td>" in page  # scans of the lot's two stamps
    assert "Ruộng muối Lý Nhơn" in page and "Hàng chờ giao" in page and "135.000" in page
    assert "Mè xửng Huế" not in page and "HUE-01" not in page


def test_another_producers_workspace_is_refused(owner):
    other = ProducerFactory(name="HTX Mè xửng", slug="htx-me-xung")

    response = owner.get(f"{WORKSPACE}?producer={other.pk}")

    assert (response.status_code, response.url) == (302, "/cms/")


def test_a_superuser_opens_a_chosen_producers_workspace(admin_client, salt):
    assert "Muối tôm Cần Giờ" in admin_client.get(f"{WORKSPACE}?producer={salt[0].pk}").content.decode()
    assert admin_client.get(WORKSPACE).status_code == 302  # none chosen: nothing to show
