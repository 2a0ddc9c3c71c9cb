"""After "place order": the guest lookup, the signed order page, each producer's part, cancelling."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tracking import order_page_path, order_token
from tests.checkout import (
    add_to_basket,
    fill_guest_checkout,
    place_order,
    place_transfer_order,
    producer_client,
)
from tests.factories import ProductFactory, SalesPointFactory, SalesPointStockFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
NOT_FOUND = "Không tìm thấy đơn hàng khớp"


@pytest.fixture
def order(client):
    salt = ProductFactory(title="Muối hạt Cần Giờ", stockrecords__price=30000)
    fish = ProductFactory(title="Khô cá đù Cần Giờ", stockrecords__price=180000)
    for product in (salt, fish):
        add_to_basket(client, product)
    fill_guest_checkout(client)
    place_order(client)
    return Order.objects.get()


def _lookup(client, number, contact):
    return client.post(reverse("order-lookup"), {"number": number, "contact": contact})


@pytest.mark.parametrize("contact", ["khach@example.vn", "KHACH@example.vn ", "0901 234 567", "+84901234567"])
def test_a_guest_finds_the_order_by_number_and_email_or_phone(client, order, contact):
    response = _lookup(client, order.number, contact)
    assert response.status_code == 302 and response["Location"] == order_page_path(order)


def test_a_wrong_number_a_wrong_contact_and_a_malformed_number_answer_alike(client, order):
    answers = [
        _lookup(client, str(int(order.number) + 1), "khach@example.vn"),
        _lookup(client, order.number, "ai-do@example.vn"),
        _lookup(client, order.number, "0912 000 000"),
        _lookup(client, "1' OR 1=1 --", "khach@example.vn"),
        _lookup(client, "9" * 200, "x"),
    ]
    bodies = {re.sub(r'value="[^"]*"', "", a.content.decode()) for a in answers}
    assert {a.status_code for a in answers} == {404}
    assert all(NOT_FOUND in body for body in bodies)


def test_lookups_are_limited_per_client(client, order, settings):
    settings.ORDER_LOOKUP_RATE = "3/m"
    cache.clear()
    codes = [_lookup(client, order.number, "sai@example.vn").status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]
    assert _lookup(client, order.number, "khach@example.vn").status_code == 429  # even the right one, for now


def test_the_order_page_shows_each_producers_part_and_the_payment(client, order):
    salt_line = order.lines.get(title__startswith="Muối")
    producer = producer_client(salt_line.product, "muoi@example.vn")
    producer.post(reverse("dashboard:order-detail", args=[order.number]), {
        "line_action": "change_line_statuses", "selected_line": [salt_line.pk], "new_status": "Đang giao",
        f"selected_line_qty_{salt_line.pk}": salt_line.quantity})

    page = client.get(order_page_path(order)).content.decode()
    assert "Giao một phần" in page
    assert re.search(r"Muối hạt Cần Giờ.*?Đang giao", page, re.S)
    assert re.search(r"Khô cá đù Cần Giờ.*?Chờ giao hàng", page, re.S)
    assert "Trả tiền mặt khi nhận hàng" in page
    assert "Hủy đơn hàng" not in page  # the salt is on its way


def test_a_forged_or_altered_token_is_not_found(client, order):
    token = order_token(order)
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "100001", "x" * 300):
        assert client.get(reverse("order-page", kwargs={"token": bad})).status_code == 404


def test_the_guest_cancels_before_shipping_and_the_stock_comes_back(client, order):
    stock = [line.stockrecord for line in order.lines.all()]
    assert [s.num_allocated for s in stock] == [1, 1]

    client.post(order_page_path(order), {"action": "cancel", "confirm": "yes"})
    order.refresh_from_db()
    for record in stock:
        record.refresh_from_db()
    assert order.status == "Đã hủy" and order.preferences.cancelled_because == "shopper"
    assert [s.num_allocated for s in stock] == [0, 0]
    assert set(order.lines.values_list("status", flat=True)) == {"Đã hủy"}


def test_no_cancel_once_a_producer_has_shipped(client, order):
    line = order.lines.first()
    line.set_status("Đang giao")
    client.post(order_page_path(order), {"action": "cancel", "confirm": "yes"})
    order.refresh_from_db()
    assert order.status != "Đã hủy"
    assert line.stockrecord.num_allocated == 1


def test_cancelling_a_pickup_order_puts_the_goods_back_on_the_points_count(client):
    product = ProductFactory(stockrecords__price=90000)
    point = SalesPointFactory(province_code=79)
    row = SalesPointStockFactory(sales_point=point, product=product, quantity=2)
    add_to_basket(client, product)
    fill_guest_checkout(client)
    client.post(reverse("checkout:shipping-method"), {"method_code": f"pickup-{point.pk}"})
    place_order(client)
    order = Order.objects.get()
    row.refresh_from_db()
    assert order.preferences.pickup_point == point and row.quantity == 1

    client.post(order_page_path(order), {"action": "cancel", "confirm": "yes"})
    row.refresh_from_db()
    assert row.quantity == 2


def test_a_paid_transfer_order_cancelled_is_flagged_for_a_refund(client):
    from checkout.reconciliation import refunds_due

    order = place_transfer_order(client, ProductFactory())
    order.set_status("Đã thanh toán")  # staff marked it in the dashboard
    client.post(order_page_path(order), {"action": "cancel", "confirm": "yes"})
    assert list(refunds_due()) == [order]
    assert "chờ hoàn tiền" in client.get(order_page_path(order)).content.decode()


def test_every_email_to_the_shopper_links_to_the_signed_order_page(client, order, mailoutbox, commit):
    commit()
    assert mailoutbox and all(order_page_path(order) in message.body for message in mailoutbox
                              if message.to == ["khach@example.vn"])


def test_a_signed_in_shopper_reaches_the_order_page_from_the_account(django_user_model):
    from django.test import Client

    user = django_user_model.objects.create_user("lan", "lan@example.vn", "mat-khau-dai-12345")
    shopper = Client()
    shopper.force_login(user)
    add_to_basket(shopper, ProductFactory())
    shopper.get(reverse("checkout:index"))
    shopper.post(reverse("checkout:shipping-address"), {
        "first_name": "Lan", "last_name": "Nguyễn", "line1": "12 đường Lý Nhơn",
        "phone_number": "0901 234 567", "province": "79", "commune": "27664"})
    shopper.get(reverse("checkout:preview"), follow=True)
    place_order(shopper)
    order = Order.objects.get(user=user)

    account_order = reverse("customer:order", kwargs={"order_number": order.number})
    account_page = shopper.get(account_order).content.decode()
    assert order_page_path(order) in account_page
    shopper.post(order_page_path(order), {"action": "cancel", "confirm": "yes"})
    order.refresh_from_db()
    assert order.status == "Đã hủy"


def test_cancelling_needs_the_confirmation_box(client, order):
    response = client.post(order_page_path(order), {"action": "cancel"}, follow=True)
    order.refresh_from_db()
    assert order.status == "Chờ giao hàng"
    assert "Tôi muốn hủy đơn hàng này" in response.content.decode()


def test_an_orders_link_is_the_same_whenever_it_is_made(order):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    first = order_page_path(order)
    with time_machine.travel(timezone.now() + timedelta(days=400)):
        assert order_page_path(order) == first  # the emails' links and the lookup's are one URL
