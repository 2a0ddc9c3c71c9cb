"""Steps of a shopper's checkout through the storefront's own views, shared by the checkout tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

CAN_GIO = {"province": "79", "commune": "27664"}  # Thành phố Hồ Chí Minh, xã Cần Giờ


def add_to_basket(client, product, quantity=1):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}, follow=True)


def fill_guest_checkout(client, place=CAN_GIO, email="khach@example.vn"):
    """A guest's email and Vietnamese address; then Oscar picks the shipping and payment methods
    when there is only one of each (visiting the preview walks through their steps)."""
    client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})
    client.post(
        reverse("checkout:shipping-address"),
        {"first_name": "Lan", "last_name": "Nguyễn", "line1": "12 đường Lý Nhơn, ấp Long Thạnh",
         "phone_number": "0901 234 567", **place},
    )
    return client.get(reverse("checkout:preview"), follow=True)


def place_order(client):
    return client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)


def producer_client(product, email):
    """A signed-in dashboard user of ``product``'s producer."""
    user = get_user_model().objects.create_user(username=email, email=email, password="x")
    product.producer.partner.users.add(user)
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    client = Client()
    client.force_login(user)
    return client
