"""A write re-renders exactly the cached pages that show what it changed (pagecache.freshness)."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue.certification import local_today
from catalogue.models import Certificate
from gs1 import links
from pagecache import fragments
from tests.factories import ExhibitorFactory, ProductFactory, StampFactory, TradeFairFactory
from tradefairs.models import FairListing

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def _get(url):
    """A first-time visitor's request: whether it came from the cache, its text, its queries."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    return response.get("X-Cache"), response.content.decode(), len(queries)


@pytest.fixture
def two_products():
    cache.clear()
    return (
        ProductFactory(title="Nước mắm Phú Quốc", stockrecords__price=95_000),
        ProductFactory(title="Mật ong bạc hà Hà Giang", stockrecords__price=180_000),
    )


def test_a_stock_save_on_a_re_renders_its_page_and_its_list_and_leaves_b_cached(two_products):
    fish_sauce, honey = two_products
    for url in (fish_sauce.get_absolute_url(), honey.get_absolute_url(), "/catalogue/"):
        _get(url)

    record = fish_sauce.stockrecords.get()
    record.price, record.num_in_stock = 99_000, 3
    record.save()

    state, page, _ = _get(fish_sauce.get_absolute_url())
    assert state == "miss" and "99.000" in page
    state, page, _ = _get("/catalogue/")
    assert state == "miss" and "99.000" in page and "180.000" in page
    state, page, queries = _get(honey.get_absolute_url())
    assert (state, queries) == ("hit", 1)  # served as stored: one query reads the versions, no render
    assert "180.000" in page


def test_only_the_changed_card_of_a_list_is_rendered_again(two_products):
    fish_sauce, honey = two_products
    _get("/catalogue/")
    StockRecord.objects.filter(product=honey).update(price=181_000)

    with mock.patch.object(fragments.cache, "set", wraps=fragments.cache.set) as stored:
        state, page, _ = _get("/catalogue/")

    assert state == "miss" and "181.000" in page and "95.000" in page
    cards = [call for call in stored.call_args_list if call.args[0].startswith("fragment:")]
    assert len(cards) == 1  # honey's; fish sauce's card came from the cache


def test_a_trace_page_of_another_product_stays_cached_after_a_stock_save(two_products):
    fish_sauce, honey = two_products
    stamp = StampFactory(lot__product=honey)
    _get(links.product_trace_path(honey))

    StockRecord.objects.filter(product=fish_sauce).update(num_in_stock=1)

    state, page, _ = _get(links.product_trace_path(honey))
    assert state == "hit" and "Mật ong bạc hà Hà Giang" in page
    assert stamp


@pytest.mark.parametrize("page", ["product", "catalogue", "search", "api", "sitemap", "trace", "fair"])
def test_a_bulk_sql_revocation_is_gone_on_the_next_request_from_every_page(two_products, page):
    fish_sauce, honey = two_products
    stamp = StampFactory(lot__product=fish_sauce)
    fair = TradeFairFactory()
    FairListing.objects.create(
        exhibitor=ExhibitorFactory(fair=fair, producer=fish_sauce.producer), product=fish_sauce
    )
    url = {
        "product": fish_sauce.get_absolute_url(),
        "catalogue": "/catalogue/",
        "search": "/search/?q=mam",
        "api": "/api/v1/products/",
        "sitemap": "/sitemap-products.xml",
        "trace": links.lot_trace_path(stamp.lot),
        "fair": fair.get_absolute_url(),
    }[page]
    first = Client().get(url)
    assert (
        first.status_code == 200
        and "Phú Quốc" in first.content.decode()
        or "phu-quoc" in first.content.decode()
    )
    assert Client().get(url).status_code == 200  # now from the cache, where the page has one

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE catalogue_certificate SET status = %s, revoked_on = %s, revocation_decision_number = %s "
            "WHERE product_id = %s",
            [Certificate.Status.REVOKED, local_today(), "12/QĐ-UBND", fish_sauce.pk],
        )

    response = Client().get(url)
    text = response.content.decode()
    if page == "product":
        assert response.status_code == 410
    elif page == "trace":
        assert "thu hồi" in text.lower()
    else:
        assert "Nước mắm Phú Quốc" not in text and "phu-quoc" not in text
