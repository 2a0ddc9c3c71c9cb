"""Writers of different products do not queue behind each other (PostgreSQL's row locks).

Every such writer once updated one page-version row inside its own transaction, so the second
waited for the first to commit. A stock save and a revocation now touch only their own
product's row and one stripe of the listing clock.
"""

import threading

import pytest
from django.db import connection, transaction
from oscar.core.loading import get_model

from catalogue.certification import local_today
from catalogue.models import Certificate
from tests.factories import ProductFactory

StockRecord = get_model("partner", "StockRecord")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_transactional_db"),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="needs row locks: PostgreSQL"),
]


def _write(product):
    """A stock save and a revocation of ``product``: what an order and an officer write."""
    record = StockRecord.objects.get(product=product)
    record.num_in_stock += 1
    record.save()
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on=local_today(), revocation_decision_number="7/QĐ-UBND"
    )


def test_two_transactions_writing_different_products_both_commit_while_both_are_open():
    first, second = ProductFactory(), ProductFactory()
    assert first.pk % 64 != second.pk % 64  # consecutive ids: different stripes of the clock
    holding, release, failures = threading.Event(), threading.Event(), []

    def first_writer():
        try:
            with transaction.atomic():
                _write(first)
                holding.set()
                release.wait(timeout=30)  # keeps its transaction, and its locks, open meanwhile
        except Exception as error:  # noqa: BLE001  # reported by the test below
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=first_writer)
    thread.start()
    try:
        assert holding.wait(timeout=30)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")  # a wait would end in an error
            _write(second)
    finally:
        release.set()
        thread.join(timeout=30)

    assert failures == []
    assert Certificate.objects.filter(status=Certificate.Status.REVOKED).count() == 2
