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
Basket = get_model("basket", "Basket")


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
    assert fields["62"] == vietqr.field("08", f"OCOP{order.number}")
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


def test_the_preview_shows_the_transfer_with_the_banks_name_and_the_reference(client):
    add_to_basket(client, ProductFactory(stockrecords__price=215000))
    fill_guest_checkout(client)
    client.post(reverse("checkout:payment-method"), {"payment_method": "vietqr"})

    page = client.get(reverse("checkout:preview")).content.decode()
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    order = Order.objects.get()
    assert "Chuyển khoản ngân hàng (VietQR)" in page
    assert "Vietcombank" in page and "Ngân hàng TMCP Ngoại Thương Việt Nam" in page
    assert "https://api.vietqr.io/img/VCB.png" in page
    assert f"OCOP{order.number}" in page  # the reference the order then carries
    assert "970436" not in re.sub(r'src="data:[^"]+"', "", page)  # a name, not a BIN number


def test_the_basket_says_how_much_more_buys_free_delivery(client, settings):
    settings.FREE_SHIPPING_FROM_VND = 500000
    add_to_basket(client, ProductFactory(stockrecords__price=215000))
    page = client.get(reverse("basket:summary")).content.decode()
    assert "Mua thêm 285.000\xa0₫ để được miễn phí giao hàng" in page


def test_a_product_revoked_in_the_basket_is_shown_withdrawn_and_left_out_of_the_total(client):
    from catalogue.certification import local_today
    from catalogue.models import Certificate

    kept = ProductFactory(title="Muối hạt Cần Giờ", stockrecords__price=30000)
    revoked = ProductFactory(title="Mắm tôm chua", stockrecords__price=95000)
    add_to_basket(client, kept)
    add_to_basket(client, revoked)
    Certificate.objects.filter(product=revoked).update(
        status=Certificate.Status.REVOKED, revoked_on=local_today(),
        revocation_decision_number="321/QĐ-UBND", revocation_reason="Vi phạm an toàn thực phẩm")

    response = client.get(reverse("basket:summary"))
    page = response.content.decode()
    basket = response.context["basket"]
    assert basket.total_incl_tax == 30000
    assert "Sản phẩm không còn bán" in page
    remove = re.search(r'<button type="submit" form="basket_formset" name="([^"]+)"', page).group(1)

    formset = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "form-MIN_NUM_FORMS": "0",
               "form-MAX_NUM_FORMS": "1000"}
    for index, line in enumerate(basket.all_lines()):
        formset |= {f"form-{index}-id": line.pk, f"form-{index}-quantity": line.quantity}
    client.post(reverse("basket:summary"), {**formset, remove: "on"})
    assert [line.product for line in Basket.objects.get(pk=basket.pk).all_lines()] == [kept]
