"""Cash on delivery and VietQR transfers at checkout; the confirmation's QR decodes to a valid payload."""

import base64
import io
import re

import pytest
import zxingcpp
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from catalogue.checkout import vietqr
from tests.factories import ProductFactory, ship_to_vietnam
from tests.integration.catalogue.test_purchase_gate import _add_to_basket, _fill_guest_checkout

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture(autouse=True)
def vietnam(db):
    ship_to_vietnam()


def _checkout(client, payment_method=None):
    _add_to_basket(client, ProductFactory(stockrecords__price=215000))
    _fill_guest_checkout(client)
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
    _add_to_basket(client, ProductFactory())
    _fill_guest_checkout(client)

    page = client.get(reverse("checkout:payment-method")).content.decode()
    refused = client.post(reverse("checkout:payment-method"), {"payment_method": "bitcoin"})

    assert 'value="cod" checked' in page and 'value="vietqr"' in page
    assert refused.status_code == 400 and "Hãy chọn một cách thanh toán." in refused.content.decode()
