"""A shopper's one order with two producers' products: each producer sees and fulfils its own lines."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import ProductFactory, ship_to_vietnam
from tests.integration.catalogue.test_purchase_gate import _add_to_basket, _fill_guest_checkout

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def _producer_client(product, email):
    user = get_user_model().objects.create_user(username=email, email=email, password="x")
    product.producer.partner.users.add(user)
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_producers_basket(client):
    ship_to_vietnam()
    salt, fish = ProductFactory(title="Muối hạt Cần Giờ"), ProductFactory(title="Khô cá đù Cần Giờ")
    for product, email in ((salt, "htx-muoi@example.vn"), (fish, "htx-ca@example.vn")):
        product.producer.email = email
        product.producer.save()
        _add_to_basket(client, product)
    _fill_guest_checkout(client)
    return salt, fish


@pytest.fixture
def order_of_two_producers(client, two_producers_basket):
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    return Order.objects.get(), *two_producers_basket


def test_each_producer_sees_only_its_own_lines(order_of_two_producers):
    order, salt, fish = order_of_two_producers
    salt_producer = _producer_client(salt, "muoi@example.vn")

    page = salt_producer.get(reverse("dashboard:order-detail", args=[order.number])).content.decode()

    assert order.lines.count() == 2
    assert "Muối hạt Cần Giờ" in page and "Khô cá đù Cần Giờ" not in page
    fish_line = order.lines.get(product=fish)
    line_url = reverse("dashboard:order-line-detail", args=[order.number, fish_line.pk])
    assert salt_producer.get(line_url).status_code == 404


def test_a_producer_cannot_change_another_producers_line(order_of_two_producers):
    order, salt, fish = order_of_two_producers
    salt_producer = _producer_client(salt, "muoi@example.vn")
    fish_line = order.lines.get(product=fish)

    salt_producer.post(
        reverse("dashboard:order-detail", args=[order.number]),
        {"line_action": "change_line_statuses", "selected_line": [fish_line.pk], "new_status": "Đang giao",
         f"selected_line_qty_{fish_line.pk}": 1},
    )

    fish_line.refresh_from_db()
    assert fish_line.status == "Chờ giao hàng"


def test_a_producer_without_lines_in_the_order_cannot_open_it(order_of_two_producers):
    order, _salt, _fish = order_of_two_producers
    stranger = _producer_client(ProductFactory(title="Bún Vân Cù"), "bun@example.vn")
    assert stranger.get(reverse("dashboard:order-detail", args=[order.number])).status_code == 404


def test_each_producer_is_emailed_its_own_lines_after_the_order_commits(
    client, two_producers_basket, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), {"action": "place_order"})

    order = Order.objects.get()
    by_recipient = {tuple(mail.to): mail for mail in mailoutbox if order.number in mail.subject}
    salt_mail, fish_mail = by_recipient[("htx-muoi@example.vn",)], by_recipient[("htx-ca@example.vn",)]
    assert "Muối hạt Cần Giờ" in salt_mail.body and "Khô cá đù" not in salt_mail.body
    assert "Khô cá đù Cần Giờ" in fish_mail.body and "Muối hạt" not in fish_mail.body


def test_a_failing_email_never_loses_the_order(
    client, two_producers_basket, monkeypatch, django_capture_on_commit_callbacks
):
    import smtplib

    def broken_mail(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("catalogue.checkout.notifications.send_mail", broken_mail)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    assert Order.objects.count() == 1
    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
