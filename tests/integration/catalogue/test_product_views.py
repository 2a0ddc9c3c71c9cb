"""Viewing a product or searching writes no analytics rows: views are counted in the cache and
flushed in batches. (Other first-GET writes remain for issue #21: sorl's thumbnail records,
Wagtail's renditions, the basket Oscar opens for a signed-in shopper.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue.analytics.views import flush_views, pending_views
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")


def _analytics_writes(queries):
    statements = [query["sql"] for query in queries if "analytics_" in query["sql"]]
    return [sql for sql in statements if not sql.lstrip().startswith("SELECT")]


@pytest.mark.parametrize("signed_in", [False, True])
def test_viewing_a_product_and_searching_write_no_analytics(client, django_user_model, signed_in):
    product = ProductFactory()
    if signed_in:  # Oscar also wrote each signed-in view and search as a row of its own
        client.force_login(django_user_model.objects.create_user("lan", "lan@example.vn", "pw"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(product.get_absolute_url()).status_code == 200
        assert client.get("/search/?q=muối").status_code == 200
    assert _analytics_writes(queries.captured_queries) == []
    assert pending_views([product.pk]) == {product.pk: 1}


def test_counted_views_are_flushed_once_to_the_products_record(client):
    product, other = ProductFactory(), ProductFactory()
    client.get(product.get_absolute_url())

    assert flush_views() == 1
    assert ProductRecord.objects.get(product=product).num_views == 1
    assert not ProductRecord.objects.filter(product=other).exists()
    assert flush_views() == 0  # nothing counted twice
    assert ProductRecord.objects.get(product=product).num_views == 1
