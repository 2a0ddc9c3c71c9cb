"""The checkout address: province and commune from the 2025 lists, a Vietnamese phone, no postcode."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.address.abstract_models import fill_codes_from_names
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
    assert (address.commune_code, address.province_code) == (27664, 79)  # codes, never names
    assert (address.line4, address.state) == ("", "")
    assert "Xã Cần Giờ, Thành phố Hồ Chí Minh" in address.summary  # names from the places data
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
    saved = shopper.addresses.get()  # in the address book for next time
    assert (saved.commune_code, saved.province_code) == (27664, 79)


def test_a_fresh_site_delivers_in_vietnam_only():
    """Regression: the demo site's checkout stopped at an empty country list (no shipping country)."""
    Country = get_model("address", "Country")
    shipping_countries = Country.objects.filter(is_shipping_country=True)
    assert list(shipping_countries.values_list("iso_3166_1_a2", flat=True)) == ["VN"]


def test_the_address_book_keeps_codes_and_refuses_a_commune_of_another_province(client, django_user_model):
    shopper = django_user_model.objects.create_user(username="lan", email="lan@example.vn", password="x")
    client.force_login(shopper)
    form = {**_address(), "country": "VN"}

    refused = client.post(reverse("customer:address-create"), {**form, "province": "46"})
    client.post(reverse("customer:address-create"), form)

    assert "commune" in refused.context["form"].errors
    saved = shopper.addresses.get()
    assert (saved.commune_code, saved.province_code, saved.line1) == (27664, 79, "12 đường Lý Nhơn")


def test_addresses_written_with_names_get_codes_and_still_show_their_places():
    """The data migration of order 0022 and address 0008 (orders placed before codes)."""
    ShippingAddress, Country = get_model("order", "ShippingAddress"), get_model("address", "Country")
    vietnam = Country.objects.get(iso_3166_1_a2="VN")
    named = ShippingAddress.objects.create(
        first_name="Lan", line1="12 đường Lý Nhơn", line4="Xã Cần Giờ", state="TP. Hồ Chí Minh",
        country=vietnam,
    )
    unknown = ShippingAddress.objects.create(
        first_name="Minh", line1="3 Lê Lợi", line4="Huyện Cũ", state="Tỉnh Cũ", country=vietnam
    )
    before = unknown.summary

    fill_codes_from_names(ShippingAddress.objects)

    named.refresh_from_db()
    unknown.refresh_from_db()
    assert (named.commune_code, named.province_code, named.line4, named.state) == (27664, 79, "", "")
    assert "Xã Cần Giờ, Thành phố Hồ Chí Minh" in named.summary
    assert unknown.province_code is None and unknown.summary == before  # shown as it was written
