"""Sequential or guessable keys reachable from outside must not tell another party's objects apart
from missing ones, and public lists must not show what is unlisted or belongs to no one public."""

import pytest
from django.db import transaction

from catalogue.models import Certificate
from gs1.keys import new_serial
from tests.integration.security.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def test_another_customers_order_number_answers_like_a_missing_one(world):
    client = world.client("customer")
    number = int(world.a.order.number)  # Oscar's numbers are sequential: 100000 + basket id

    assert client.get(f"/accounts/orders/{number}/").status_code == 404
    assert client.get(f"/accounts/orders/{number + 1000}/").status_code == 404


def test_a_producer_probing_order_numbers_gets_404_for_others_and_missing_alike(world):
    client = world.client("producer")
    number = int(world.a.order.number)

    assert client.get(f"/dashboard/orders/{number}/").status_code == 404
    assert client.get(f"/dashboard/orders/{number + 1000}/").status_code == 404


def test_a_guest_order_page_needs_its_hash(world):
    order = world.a.guest_order
    client = world.client("anonymous")

    secrets = (order.guest_email, order.shipping_address.line1)

    # Oscar 4.2 first asks for the order's email (order-status-form); either way a wrong hash shows nothing.
    for number, key in ((order.number, "0" * 40), (int(order.number) + 1, "0" * 40)):
        guessed = client.get(f"/accounts/order-status/{number}/{key}/", follow=True)
        assert guessed.status_code in (200, 404)
        assert not any(secret in guessed.content.decode() for secret in secrets)


def test_stamp_serials_are_random_and_a_guess_is_an_unknown_code(world):
    serials = {new_serial() for _ in range(200)}
    assert len(serials) == 200

    assert world.client("anonymous").get("/q/AAAAAAAAAAAAAAAAAAAA").status_code == 404


def test_a_stamp_sheet_is_404_for_another_producers_lot_and_for_a_missing_one(world):
    client = world.client("producer")
    product = world.a.product

    assert client.get(f"/qr/lot/{product.upc}/{world.a.lot.code}/stamps.pdf").status_code == 404
    assert client.get(f"/qr/lot/{product.upc}/NO-SUCH-LOT/stamps.pdf").status_code == 404


def test_api_lists_show_no_unlisted_product_and_no_inactive_producer_or_sales_point(world):
    Certificate.objects.filter(product=world.a.product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="9/QĐ-UBND"
    )
    world.a.producer.is_active = False
    world.a.producer.save()
    world.a.sales_point.is_active = False
    world.a.sales_point.save()
    client = world.client("anonymous")

    products = client.get("/api/v1/products/?page_size=100").json()["results"]
    producers = client.get("/api/v1/producers/?page_size=100").json()["results"]
    points = client.get("/api/v1/sales-points/?page_size=100").json()["results"]

    assert world.a.product.upc not in {p["code"] for p in products}
    assert world.b.product.upc in {p["code"] for p in products}
    assert world.a.producer.slug not in {p["slug"] for p in producers}
    assert world.a.sales_point.slug not in {p["slug"] for p in points}


def test_reports_take_no_key_that_reaches_another_province(world):
    """An officer's province comes from their account; ?province= is for superusers only."""
    client = world.client("trade officer")

    body = client.get("/cms/ocop/reports/products.csv?province=79").content.decode("utf-8-sig")

    assert "Thừa Thiên Huế" in body or "Huế" in body
    assert "Hồ Chí Minh" not in body
