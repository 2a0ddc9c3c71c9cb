"""Transfers matched by the bank's notices: the webhook, statements, staff decisions, expiry."""

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from checkout import reconciliation
from checkout.models import BankNotice
from checkout.reconciliation import order_numbers_in, payment_reference
from tests.checkout import place_transfer_order, post_notice, sepay_notice
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Outcome = BankNotice.Outcome


@pytest.fixture(autouse=True)
def webhook_key(settings):
    settings.BANK_WEBHOOK_API_KEY = "khoa-thu-nghiem"
    settings.BANK_WEBHOOK_HMAC_SECRET = "bi-mat-ky"


@pytest.fixture
def order(client):
    return place_transfer_order(client, ProductFactory(title="Mắm tôm chua", stockrecords__price=215000))


@pytest.mark.parametrize(("description", "number"), [
    ("OCOP100123", "100123"),
    ("ocop 100 123", "100123"),
    ("MBVCB.3278.OCOP100123.CT tu 0901234567 NGUYEN VAN A", "100123"),
    ("Thanh toan don OCOP-100123 0901234567", "100123"),  # a phone glued on: still a candidate
    ("IBFT O C O P 100123", "100123"),
])
def test_a_reference_is_found_whatever_banks_and_shoppers_add(description, number):
    assert number in order_numbers_in(description)


def test_no_reference_names_no_order():
    assert order_numbers_in("CHUYEN TIEN 100123") == []


def test_the_exact_amount_pays_the_order_and_the_shopper_is_emailed(client, order, mailoutbox, commit):
    commit()  # the placement's own emails
    mailoutbox.clear()
    response = post_notice(client, sepay_notice(order))
    commit()

    order.refresh_from_db()
    notice = BankNotice.objects.get()
    assert response.status_code == 200 and response.json()["outcome"] == "paid"
    assert order.status == "Đã thanh toán"
    assert set(order.lines.values_list("status", flat=True)) == {"Chờ giao hàng"}
    assert notice.order == order and notice.difference == 0
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert [m.to for m in mailoutbox] == [["khach@example.vn"]]
    assert "Đã thanh toán" in mailoutbox[0].subject


@pytest.mark.parametrize(("offset", "outcome"), [(-15000, Outcome.SHORT), (50000, Outcome.OVER)])
def test_a_short_or_over_payment_is_flagged_with_its_difference_not_accepted(client, order, offset, outcome):
    post_notice(client, sepay_notice(order, amount=int(order.total_incl_tax) + offset))

    order.refresh_from_db()
    notice = BankNotice.objects.get()
    assert order.status == "Chờ thanh toán"
    assert notice.outcome == outcome and notice.difference == offset and notice.needs_staff
    assert order.sources.get().amount_debited == 0


def test_a_replayed_notice_is_recorded_once(client, order):
    body = sepay_notice(order)
    first, replay = post_notice(client, body), post_notice(client, body)

    order.refresh_from_db()
    assert first.json()["outcome"] == "paid" and replay.json()["outcome"] == "duplicate"
    assert order.sources.get().amount_debited == order.total_incl_tax  # not twice
    assert order.notes.count() == 1
    assert list(BankNotice.objects.order_by("pk").values_list("outcome", flat=True)) == ["paid", "duplicate"]


def test_the_same_transaction_in_a_later_statement_is_a_duplicate(client, order):
    post_notice(client, sepay_notice(order, reference="FT26338999"))
    transfer = reconciliation.Transfer("FT26338999", order.total_incl_tax, payment_reference(order.number))
    notice = reconciliation.record(transfer, channel=BankNotice.Channel.STATEMENT, payload="{}")
    assert notice.outcome == Outcome.DUPLICATE


@pytest.mark.parametrize("headers", [
    {"api_key": "sai-khoa"},
    {"api_key": None},
    {"api_key": None, "HTTP_X_SIGNATURE": "sha256=" + "0" * 64},
])
def test_a_forged_notice_is_refused_with_401_and_kept_as_refused(client, order, headers):
    response = post_notice(client, sepay_notice(order), **headers)

    order.refresh_from_db()
    assert response.status_code == 401
    assert order.status == "Chờ thanh toán"
    assert list(BankNotice.objects.values_list("outcome", flat=True)) == ["refused"]


def test_a_notice_signed_with_the_secret_is_accepted(client, order):
    body = json.dumps(sepay_notice(order)).encode()
    signature = "sha256=" + hmac.new(b"bi-mat-ky", body, hashlib.sha256).hexdigest()
    response = post_notice(client, body, api_key=None, HTTP_X_SIGNATURE=signature)
    assert response.json()["outcome"] == "paid"


def test_without_a_configured_key_every_notice_is_refused(client, order, settings):
    settings.BANK_WEBHOOK_API_KEY = settings.BANK_WEBHOOK_HMAC_SECRET = ""
    assert post_notice(client, sepay_notice(order), api_key="").status_code == 401


@pytest.mark.parametrize("body", [
    "khong phai json",
    "[1, 2]",
    {"id": 1, "transferType": "in"},  # fields missing
    "amount:-5",
    "amount:0",
    "amount:1000000000000000",
    "amount:12.5",
    "amount:true",
    "amount:NaN",
    "date:04/12/2026",
])
def test_a_malformed_notice_is_a_400_kept_as_refused(client, order, body):
    if isinstance(body, str) and body.startswith(("amount:", "date:")):
        field, value = body.split(":", 1)
        notice = sepay_notice(order)
        if field == "amount":
            notice["transferAmount"] = json.loads(value) if value not in ("NaN",) else value
        else:
            notice["transactionDate"] = value
        body = notice
    response = post_notice(client, body)

    order.refresh_from_db()
    assert response.status_code == 400 and response.json()["success"] is False
    assert order.status == "Chờ thanh toán"
    assert list(BankNotice.objects.values_list("outcome", flat=True)) == ["refused"]


def test_money_going_out_is_kept_and_ignored(client, order):
    response = post_notice(client, sepay_notice(order, transfer_type="out"))
    order.refresh_from_db()
    assert response.json()["outcome"] == "ignored" and order.status == "Chờ thanh toán"


def test_an_unknown_reference_waits_in_the_unmatched_list_and_staff_assign_it(client, admin_client, order):
    post_notice(client, sepay_notice(order, content="CHUYEN TIEN MUA MAM"))
    notice = BankNotice.objects.get()
    assert notice.outcome == Outcome.UNMATCHED and notice.order is None

    listing = admin_client.get(reverse("dashboard:bank-notices")).content.decode()
    assert "CHUYEN TIEN MUA MAM" in listing

    admin_client.post(reverse("dashboard:bank-notices"),
                      {"action": "assign", "notice": notice.pk, "order_number": order.number})
    order.refresh_from_db()
    notice.refresh_from_db()
    assert order.status == "Đã thanh toán" and notice.outcome == Outcome.PAID
    assert notice.settled_by.username == "admin"
    assert order.notes.filter(user__username="admin").exists()  # who did it, on the order


def test_staff_accept_a_short_payment_and_it_is_logged(client, admin_client, order):
    post_notice(client, sepay_notice(order, amount=int(order.total_incl_tax) - 1000))
    notice = BankNotice.objects.get()

    admin_client.post(reverse("dashboard:bank-notices"), {"action": "accept", "notice": notice.pk})
    order.refresh_from_db()
    notice.refresh_from_db()
    assert order.status == "Đã thanh toán"
    assert notice.settled_by.username == "admin" and "1.000" in notice.settlement
    assert not notice.needs_staff


def test_producers_and_shoppers_cannot_open_the_reconciliation(client, order, django_user_model):
    from tests.checkout import producer_client

    producer = producer_client(order.lines.first().product, "htx@example.vn")
    for visitor in (client, producer):
        for name in ("dashboard:bank-notices", "dashboard:bank-statement"):
            assert visitor.get(reverse(name)).status_code in (302, 403)
    post_notice(client, sepay_notice(order, amount=1000))
    notice = BankNotice.objects.get()
    producer.post(reverse("dashboard:bank-notices"), {"action": "accept", "notice": notice.pk})
    notice.refresh_from_db()
    assert notice.needs_staff


def test_a_transfer_for_a_cancelled_order_is_flagged_for_refund(client, order):
    order.set_status("Đã hủy")
    post_notice(client, sepay_notice(order))
    notice = BankNotice.objects.get()
    assert notice.outcome == Outcome.REFUND and notice.difference == order.total_incl_tax


def test_an_unpaid_transfer_expires_releases_stock_and_the_shopper_is_told(client, order, mailoutbox, commit):
    stock = order.lines.get().stockrecord
    assert stock.num_allocated == 1
    commit()
    mailoutbox.clear()

    with time_machine.travel(timezone.now() + timedelta(hours=47)):
        call_command("expire_transfers")
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán"

    with time_machine.travel(timezone.now() + timedelta(hours=49)):
        call_command("expire_transfers")
    commit()
    order.refresh_from_db()
    stock.refresh_from_db()
    assert order.status == "Đã hủy" and order.preferences.cancelled_because == "unpaid"
    assert stock.num_allocated == 0
    assert "48" in mailoutbox[0].body

    post_notice(client, sepay_notice(order))  # the money comes after all
    assert BankNotice.objects.get().outcome == Outcome.REFUND


def test_a_paid_order_cancelled_waits_for_a_refund_until_staff_record_it(client, admin_client, order):
    post_notice(client, sepay_notice(order))
    order.refresh_from_db()
    order.set_status("Đã hủy")
    assert list(reconciliation.refunds_due()) == [order]

    admin_client.post(reverse("dashboard:bank-notices"),
                      {"action": "refunded", "order_number": order.number, "note": "FT-HOAN-01"})
    assert list(reconciliation.refunds_due()) == []
    assert order.sources.get().amount_refunded == order.total_incl_tax


def test_a_transfer_sent_from_the_preview_before_placing_pays_the_order_once_placed(client):
    from tests.checkout import add_to_basket, fill_guest_checkout, place_order

    add_to_basket(client, ProductFactory(stockrecords__price=99000))
    fill_guest_checkout(client)
    client.post(reverse("checkout:payment-method"), {"payment_method": "vietqr"})
    preview = client.get(reverse("checkout:preview"))
    transfer = preview.context["transfer"]
    post_notice(client, {**sepay_notice(content=f"CT {transfer['note']}", amount=transfer["amount"])})
    assert BankNotice.objects.get().outcome == Outcome.UNMATCHED  # no such order yet

    place_order(client)
    order = Order.objects.get()
    assert order.status == "Đã thanh toán"
    assert BankNotice.objects.get().outcome == Outcome.PAID and BankNotice.objects.get().order == order


@pytest.mark.parametrize("content", ["OCOP\u0000100001", "chuyen\u0007tien"])
def test_control_characters_in_a_notice_are_refused_and_kept_readable(client, order, content):
    response = post_notice(client, sepay_notice(order, content=content))
    assert response.status_code == 400
    assert list(BankNotice.objects.values_list("outcome", flat=True)) == ["refused"]


def test_a_body_with_raw_nul_bytes_is_kept_as_refused_without_an_error(client, order):
    response = post_notice(client, b'{"id": 1, "content": "\x00"}')
    assert response.status_code == 400
    assert "\x00" not in BankNotice.objects.get().payload
