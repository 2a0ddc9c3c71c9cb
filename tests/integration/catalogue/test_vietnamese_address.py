"""The checkout address: province and commune from the 2025 lists, a Vietnamese phone, no postcode."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.checkout import add_to_basket, fill_guest_checkout, place_order
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def in_checkout(client):
    add_to_basket(client, ProductFactory())
    client.post(reverse("checkout:index"), {"username": "khach@example.vn", "options": "anonymous"})
    return client


def _address(**changes):
    return {"first_name": "Lan", "last_name": "Nguyễn", "line1": "12 đường Lý Nhơn", "province": "79",
            "commune": "27664", "phone_number": "0901 234 567", **changes}


def test_the_order_keeps_the_commune_province_and_phone(client, in_checkout):
    fill_guest_checkout(client)
    client.post(reverse("checkout:preview"), {"action": "place_order"})

    address = Order.objects.get().shipping_address
    assert (address.line4, address.state) == ("Xã Cần Giờ", "Thành phố Hồ Chí Minh")
    assert str(address.phone_number) == "+84901234567" and address.postcode == ""


def test_a_commune_of_another_province_is_refused(client, in_checkout):
    response = client.post(reverse("checkout:shipping-address"), _address(province="46"))
    assert response.status_code == 200
    assert "commune" in response.context["form"].errors


@pytest.mark.parametrize("phone", ["12345", "0901 234", "+1 202 555 0100x"])
def test_a_phone_that_is_not_vietnamese_or_complete_is_refused(client, in_checkout, phone):
    response = client.post(reverse("checkout:shipping-address"), _address(phone_number=phone))
    assert "phone_number" in response.context["form"].errors


def test_without_javascript_the_commune_list_follows_the_province_after_a_submit(client, in_checkout):
    response = client.post(reverse("checkout:shipping-address"), _address(province="46", commune=""))
    html = response.content.decode()
    assert "Phường Thuận Hóa" in html and "Xã Cần Giờ" not in html


def test_communes_endpoint_lists_a_provinces_communes(client):
    communes = client.get(reverse("checkout:communes"), {"province": 79}).json()["communes"]
    assert {"code": 27664, "name": "Xã Cần Giờ"} in communes
    assert client.get(reverse("checkout:communes"), {"province": "x"}).status_code == 400


def test_a_signed_in_shopper_orders_with_their_account_and_keeps_the_address(client, django_user_model):
    shopper = django_user_model.objects.create_user(username="lan", email="lan@example.vn", password="x")
    client.force_login(shopper)
    add_to_basket(client, ProductFactory())
    client.post(reverse("checkout:shipping-address"), _address())
    client.get(reverse("checkout:preview"), follow=True)  # the only shipping and payment methods
    place_order(client)

    order = Order.objects.get()
    assert order.user == shopper and order.email == "lan@example.vn"
    assert shopper.addresses.get().state == "Thành phố Hồ Chí Minh"  # in the address book for next time


def test_a_fresh_site_delivers_in_vietnam_only():
    """Regression: the demo site's checkout stopped at an empty country list (no shipping country)."""
    Country = get_model("address", "Country")
    shipping_countries = Country.objects.filter(is_shipping_country=True)
    assert list(shipping_countries.values_list("iso_3166_1_a2", flat=True)) == ["VN"]
