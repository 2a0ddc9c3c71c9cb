"""A shopper's one order with two producers' products: each producer sees and fulfils its own lines."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.tracking import order_page_path
from formats import vnd
from tests.checkout import add_to_basket, fill_guest_checkout, producer_client
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def two_producers_basket(client):
    salt, fish = ProductFactory(title="Muối hạt Cần Giờ"), ProductFactory(title="Khô cá đù Cần Giờ")
    for product, email in ((salt, "htx-muoi@example.vn"), (fish, "htx-ca@example.vn")):
        product.producer.email = email
        product.producer.save()
        add_to_basket(client, product)
    fill_guest_checkout(client)
    return salt, fish


@pytest.fixture
def order_of_two_producers(client, two_producers_basket):
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    return Order.objects.get(), *two_producers_basket


def test_each_producer_sees_only_its_own_lines(order_of_two_producers):
    order, salt, fish = order_of_two_producers
    salt_producer = producer_client(salt, "muoi@example.vn")

    page = salt_producer.get(reverse("dashboard:order-detail", args=[order.number])).content.decode()

    assert order.lines.count() == 2
    assert "Muối hạt Cần Giờ" in page and "Khô cá đù Cần Giờ" not in page
    fish_line = order.lines.get(product=fish)
    line_url = reverse("dashboard:order-line-detail", args=[order.number, fish_line.pk])
    assert salt_producer.get(line_url).status_code == 404


def test_a_producer_cannot_change_another_producers_line(order_of_two_producers):
    order, salt, fish = order_of_two_producers
    salt_producer = producer_client(salt, "muoi@example.vn")
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
    stranger = producer_client(ProductFactory(title="Bún Vân Cù"), "bun@example.vn")
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

    monkeypatch.setattr("access.notices.send_mail", broken_mail)  # every email of an order goes here
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    assert Order.objects.count() == 1
    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")


def _move_lines(producer_client, order, lines, new_status):
    return producer_client.post(
        reverse("dashboard:order-detail", args=[order.number]),
        {"line_action": "change_line_statuses", "selected_line": [line.pk for line in lines],
         "new_status": new_status, **{f"selected_line_qty_{line.pk}": line.quantity for line in lines}},
    )


def test_each_producer_moves_its_own_lines_and_the_order_follows_them(order_of_two_producers):
    order, salt, fish = order_of_two_producers
    salt_line, fish_line = order.lines.get(product=salt), order.lines.get(product=fish)
    salt_producer = producer_client(salt, "muoi@example.vn")
    fish_producer = producer_client(fish, "ca@example.vn")

    _move_lines(salt_producer, order, [salt_line], "Đang giao")
    order.refresh_from_db()
    assert order.status == "Giao một phần"  # the fish producer has not handed anything over

    _move_lines(salt_producer, order, [salt_line], "Đã giao")
    order.refresh_from_db()
    assert order.status == "Giao một phần"

    _move_lines(fish_producer, order, [fish_line], "Đang giao")
    order.refresh_from_db()
    assert order.status == "Đang giao"  # every producer has shipped, not every one delivered

    _move_lines(fish_producer, order, [fish_line], "Đã giao")
    order.refresh_from_db()
    assert order.status == "Đã giao"
    assert set(order.lines.values_list("status", flat=True)) == {"Đã giao"}


def test_only_staff_change_the_status_of_a_shared_order(admin_client, order_of_two_producers):
    order, salt, _fish = order_of_two_producers
    salt_producer = producer_client(salt, "muoi@example.vn")
    detail = reverse("dashboard:order-detail", args=[order.number])
    cancel = {"order_action": "change_order_status", "new_status": "Đã hủy"}

    assert "order_status_form" not in salt_producer.get(detail).context
    salt_producer.post(detail, cancel)
    order.refresh_from_db()
    assert order.status == "Chờ giao hàng"

    admin_client.post(detail, cancel)
    order.refresh_from_db()
    assert order.status == "Đã hủy"
    assert set(order.lines.values_list("status", flat=True)) == {"Đã hủy"}


def test_the_shopper_is_emailed_the_order_and_each_change_in_their_language(
    client, two_producers_basket, admin_client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), {"action": "place_order"})
    order = Order.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("dashboard:order-detail", args=[order.number]),
                          {"order_action": "change_order_status", "new_status": "Đang giao"})

    to_shopper = [mail for mail in mailoutbox if mail.to == ["khach@example.vn"]]
    placed, shipping = to_shopper
    assert f"order {order.number} received" in placed.subject
    assert "Cash on delivery" in placed.body and "Muối hạt Cần Giờ" in placed.body
    assert "Home delivery: 30,000" in placed.body  # written the English way
    assert order.shipping_method == "Giao hàng tận nơi"  # kept in Vietnamese for staff and producers
    assert order_page_path(order) in placed.body  # the guest's own order page, by its signed link
    assert "On its way" in shipping.subject
    producer_mail = next(mail for mail in mailoutbox if mail.to == ["htx-muoi@example.vn"])
    assert "Kính gửi" in producer_mail.body and "Dear" not in producer_mail.body  # the reader's language
    assert producer_mail.subject.startswith("Đơn hàng mới")  # not in the shopper's English


def test_only_staff_or_a_sole_producer_edit_the_delivery_address(admin_client, order_of_two_producers):
    order, salt, fish = order_of_two_producers
    url = reverse("dashboard:order-shipping-address", args=[order.number])
    salt_producer = producer_client(salt, "muoi@example.vn")
    form = admin_client.get(url).context["form"]
    fields = {**form.initial, "line1": "99 đường khác"}
    moved = {key: getattr(value, "pk", value) for key, value in fields.items() if value is not None}

    assert salt_producer.get(url).status_code == 403
    assert salt_producer.post(url, moved).status_code == 403
    order.shipping_address.refresh_from_db()
    assert order.shipping_address.line1 != "99 đường khác"

    order.lines.filter(product=fish).delete()  # now every line is the salt producer's
    assert salt_producer.get(url).status_code == 200


def test_a_producer_sees_its_own_subtotal_never_the_orders_total(order_of_two_producers):
    order, salt, fish = order_of_two_producers
    salt_producer = producer_client(salt, "muoi@example.vn")
    page = salt_producer.get(reverse("dashboard:order-detail", args=[order.number])).content.decode()
    own = order.lines.get(product=salt).line_price_incl_tax
    assert vnd(own) in page
    assert vnd(order.total_incl_tax) not in page and vnd(order.basket_total_incl_tax) not in page


def test_each_producer_marks_its_own_line_with_one_button_per_step(order_of_two_producers):
    order, salt, fish = order_of_two_producers
    salt_line, fish_line = order.lines.get(product=salt), order.lines.get(product=fish)
    salt_producer = producer_client(salt, "muoi@example.vn")
    detail = reverse("dashboard:order-detail", args=[order.number])

    salt_producer.post(detail, {"move_line": f"{salt_line.pk}|Đang giao"})
    salt_producer.post(detail, {"move_line": f"{fish_line.pk}|Đang giao"})  # another producer's line
    salt_producer.post(detail, {"move_line": f"{salt_line.pk}|Đã hủy"})  # not a producer's step
    salt_line.refresh_from_db()
    fish_line.refresh_from_db()
    order.refresh_from_db()
    assert (salt_line.status, fish_line.status) == ("Đang giao", "Chờ giao hàng")
    assert order.status == "Giao một phần"
    assert order.notes.filter(user__email="muoi@example.vn").count() == 1
