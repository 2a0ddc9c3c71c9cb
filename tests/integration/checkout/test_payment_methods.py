"""Cash on delivery and VietQR transfers at checkout; the confirmation's QR decodes to a valid payload."""

import base64
import io
import re

import pytest
import zxingcpp
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from checkout import vietqr
from tests.checkout import add_to_basket, fill_guest_checkout, producer_client
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def _checkout(client, payment_method=None, product=None):
    add_to_basket(client, product or ProductFactory(stockrecords__price=215000))
    fill_guest_checkout(client)
    if payment_method:
        client.post(reverse("checkout:payment-method"), {"payment_method": payment_method})
    return client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)


def test_cash_on_delivery_is_the_default_and_waits_for_shipping(client):
    page = _checkout(client).content.decode()
    order = Order.objects.get()
    assert order.status == "Chờ giao hàng"
    assert order.sources.get().source_type.code == "cod"
    assert "VietQR" not in page


def test_a_vietqr_order_waits_for_payment_and_its_code_decodes_to_a_valid_payload(client):
    page = _checkout(client, "vietqr").content.decode()
    order = Order.objects.get()
    assert order.status == "Chờ thanh toán"

    image = re.search(r'class="vietqr__code" src="data:image/png;base64,([^"]+)"', page).group(1)
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(base64.b64decode(image))))
    payload = decoded[0].text
    fields = vietqr.parse(payload)
    assert vietqr.is_valid(payload)
    assert fields["54"] == str(int(order.total_incl_tax))
    assert fields["62"] == vietqr.field("08", order.number)
    assert "0006970436" in fields["38"]  # the shop's bank BIN (settings.VIETQR_BANK_BIN)


def test_the_payment_method_page_offers_both_and_refuses_an_unknown_one(client):
    add_to_basket(client, ProductFactory())
    fill_guest_checkout(client)

    page = client.get(reverse("checkout:payment-method")).content.decode()
    refused = client.post(reverse("checkout:payment-method"), {"payment_method": "bitcoin"})

    assert 'value="cod" checked' in page and 'value="vietqr"' in page
    assert refused.status_code == 400 and "Hãy chọn một cách thanh toán." in refused.content.decode()


def test_a_vietqr_order_ships_once_staff_mark_it_paid_and_the_shopper_hears_of_it(
    client, admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _checkout(client, "vietqr")
    order = Order.objects.get()
    assert set(order.lines.values_list("status", flat=True)) == {"Chờ thanh toán"}
    placed = next(mail for mail in mailoutbox if mail.to == ["khach@example.vn"])
    assert order.number in placed.body and "0011004395921" in placed.body  # transfer note and account

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("dashboard:order-detail", args=[order.number]),
                          {"order_action": "change_order_status", "new_status": "Đã thanh toán"})

    order.refresh_from_db()
    assert order.status == "Đã thanh toán"
    assert set(order.lines.values_list("status", flat=True)) == {"Chờ giao hàng"}
    assert "Đã thanh toán" in mailoutbox[-1].subject and mailoutbox[-1].to == ["khach@example.vn"]


def test_a_producer_whose_products_fill_the_order_marks_its_transfer_received(client):
    product = ProductFactory()
    _checkout(client, "vietqr", product)
    order = Order.objects.get()

    producer_client(product, "htx@example.vn").post(
        reverse("dashboard:order-detail", args=[order.number]),
        {"order_action": "change_order_status", "new_status": "Đã thanh toán"},
    )

    order.refresh_from_db()
    assert order.status == "Đã thanh toán"
