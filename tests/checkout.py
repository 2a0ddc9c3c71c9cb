"""Steps of a shopper's checkout through the storefront's own views, shared by the checkout tests."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.reconciliation import payment_reference

Order = get_model("order", "Order")

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


def place_transfer_order(client, *products):
    """A guest's order paid by VietQR transfer (awaiting its money), placed through the views."""
    for product in products:
        add_to_basket(client, product)
    fill_guest_checkout(client)
    client.post(reverse("checkout:payment-method"), {"payment_method": "vietqr"})
    place_order(client)
    return Order.objects.order_by("-pk").first()


def sepay_notice(order=None, *, amount=None, content=None, reference="FT26338000001", notice_id=92704,
                 transfer_type="in"):
    """A SePay webhook body for a transfer to the shop (by default: exactly ``order``'s total)."""
    if content is None:
        content = f"MBVCB.3278.{payment_reference(order.number)}.CT tu 0901234567"
    return {
        "id": notice_id, "gateway": "Vietcombank", "transactionDate": "2026-12-04 10:15:00",
        "accountNumber": "0011004395921", "code": None,
        "content": content,
        "transferType": transfer_type,
        "transferAmount": amount if amount is not None else int(order.total_incl_tax),
        "accumulated": 19077000, "subAccount": None, "referenceCode": reference, "description": "",
    }


def post_notice(client, body, api_key="khoa-thu-nghiem", **headers):
    """POST a notice to the webhook as the service does, with its API key (or other headers)."""
    if api_key:
        headers.setdefault("HTTP_AUTHORIZATION", f"Apikey {api_key}")
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(reverse("bank-transfer-webhook"), data, content_type="application/json", **headers)
