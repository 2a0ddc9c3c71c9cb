"""The same bank notice delivered twice at the same moment, on PostgreSQL: one payment, one duplicate."""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from checkout.models import BankNotice
from tests.checkout import place_transfer_order, post_notice, sepay_notice
from tests.factories import ProductFactory

Order = get_model("order", "Order")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_transactional_db"),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="concurrent transactions: PostgreSQL"),
]


@pytest.mark.parametrize("deliveries", [2, 8])
def test_simultaneous_deliveries_of_one_notice_pay_once(settings, deliveries):
    settings.BANK_WEBHOOK_API_KEY = "khoa-thu-nghiem"
    order = place_transfer_order(Client(), ProductFactory(stockrecords__price=150000))
    body, start, outcomes = sepay_notice(order), threading.Barrier(deliveries), []

    def deliver():
        try:
            start.wait()
            outcomes.append(post_notice(Client(), body).json()["outcome"])
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(deliveries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    order.refresh_from_db()
    assert sorted(outcomes) == ["duplicate"] * (deliveries - 1) + ["paid"]
    assert order.status == "Đã thanh toán"
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert BankNotice.objects.filter(outcome="paid").count() == 1
