"""Concurrent checkouts on PostgreSQL, with real threads: the last unit sells once, a basket orders once.

Oscar 4.2 as shipped allocates stock without re-checking it under a lock, and we reproduced
8 orders for 1 unit on PostgreSQL. Each buyer here is a real client session going through the
whole guest checkout; only the final "place order" requests race.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.checkout import add_to_basket, fill_guest_checkout
from tests.factories import ProductFactory, SalesPointFactory, SalesPointStockFactory

Order = get_model("order", "Order")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_transactional_db"),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="needs row locks: PostgreSQL"),
]


def _ready_buyer(product):
    # A server error comes back as a 500 status: the test client's re-raising is process-wide
    # (a signal), so one thread's exception would be raised in every racing thread.
    buyer = Client(raise_request_exception=False)
    add_to_basket(buyer, product)
    fill_guest_checkout(buyer)
    return buyer


def _race(clients):
    """POST "place order" from every client at the same moment; the status codes."""
    start, statuses = threading.Barrier(len(clients)), []

    def place(client):
        try:
            start.wait()
            response = client.post(reverse("checkout:preview"), {"action": "place_order"})
            statuses.append(response.status_code)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=place, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


@pytest.fixture
def last_unit():
    return ProductFactory(title="Nước mắm Cần Giờ – chai cuối cùng", stockrecords__num_in_stock=1)


@pytest.mark.parametrize("buyers", [8, 50])
def test_the_last_unit_is_sold_exactly_once(last_unit, buyers):
    clients = [_ready_buyer(last_unit) for _ in range(buyers)]

    statuses = _race(clients)

    assert len(statuses) == buyers and 500 not in statuses
    assert Order.objects.count() == 1
    stock = last_unit.stockrecords.get()
    assert (stock.num_in_stock, stock.num_allocated) == (1, 1)


def test_parallel_submits_of_one_checkout_place_one_order(last_unit):
    buyer = _ready_buyer(last_unit)
    twins = [buyer]
    for _ in range(3):  # the same session (cookie), as four clicks or retries of one form
        twin = Client(raise_request_exception=False)
        twin.cookies = buyer.cookies
        twins.append(twin)

    statuses = _race(twins)

    assert sorted(statuses) == [302] * 4  # every submit ends on the order's thank-you page
    assert Order.objects.count() == 1
    assert last_unit.stockrecords.get().num_allocated == 1


def test_the_last_jar_at_a_sales_point_is_collected_once(last_unit):
    """Producer stock is plentiful; the point holds one jar. Of 8 shoppers collecting it, one gets it."""
    last_unit.stockrecords.update(num_in_stock=100)
    point = SalesPointFactory()
    jar = SalesPointStockFactory(sales_point=point, product=last_unit, quantity=1)
    clients = [_ready_buyer(last_unit) for _ in range(8)]
    for client in clients:
        client.post(reverse("checkout:shipping-method"), {"method_code": f"pickup-{point.pk}"})

    statuses = _race(clients)

    assert len(statuses) == 8 and 500 not in statuses
    assert Order.objects.filter(preferences__pickup_point=point).count() == Order.objects.count() == 1
    jar.refresh_from_db()
    assert (jar.quantity, jar.level) == (0, "out")
