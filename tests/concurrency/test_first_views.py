"""Eight shoppers open a product nobody has viewed yet, at the same moment, on PostgreSQL: 8 × 200.

Oscar's view counter inserted the product's row on its first view; two first views at once
collided on the unique key and the loser's request transaction broke (500).
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from storefront.apps import link_missing_image
from tests.factories import ProductFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="concurrent transactions: PostgreSQL"),
]


def test_eight_first_views_at_once_all_succeed(migrated_transactional_db):
    link_missing_image()  # as the app's start does, into this test's own MEDIA_ROOT
    product = ProductFactory()
    url, start, statuses = product.get_absolute_url(), threading.Barrier(8), []

    def view():
        try:
            start.wait()
            statuses.append(Client().get(url).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=view) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [200] * 8
