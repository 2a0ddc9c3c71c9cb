"""What is kept below the whole page, for pages rendered afresh: search answers under the listing
clock, product cards taken from the cache at once, the filter form, and the rows of trace pages
by their versions. Each is shown fresh on the next request after a change to what it holds."""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue.models import Certificate, Producer, ProductGroup
from gs1 import links
from pagecache.freshness import current
from pagecache.middleware import without_visitor_parts
from search.backends.database import DatabaseBackend
from search.indexing import update_entries
from tests.factories import LotFactory, ProductFactory, StampFactory
from traceability.models import TraceEvent

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_afresh(settings):
    """No whole-page cache: every request renders, from what is kept below it."""
    settings.PAGE_CACHE = False
    cache.clear()


def _get(url):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def _table_read(sql):
    """The table a query reads first (the gate's subqueries read certificates too)."""
    found = re.search(r' FROM "(\w+)"', sql)
    return found and found.group(1)


def test_a_search_answer_is_kept_through_stock_saves_and_found_again_after_a_rename():
    honey = ProductFactory(title="Mật ong bạc hà Hà Giang")
    with mock.patch.object(
        DatabaseBackend, "_search", autospec=True, side_effect=DatabaseBackend._search
    ) as ran:
        _get("/search/?q=mat+ong")
        StockRecord.objects.filter(product=honey).update(num_in_stock=3, price=190_000)
        _get("/search/?q=mat+ong")
        assert ran.call_count == 1  # neither a stock count nor a price changes which products match

        honey.title = "Mật ong hoa nhãn Hưng Yên"
        honey.save()
        page, _ = _get("/search/?q=hoa+nhan")
    assert ran.call_count == 2 and "Mật ong hoa nhãn Hưng Yên" in page


def _revoke(product):
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-12-01", revocation_decision_number="9/QĐ-UBND"
    )


def _deactivate_producer(product):
    Producer.objects.filter(pk=product.producer_id).update(is_active=False)


def _hide(product):
    type(product).objects.filter(pk=product.pk).update(is_public=False)


@pytest.mark.parametrize("withdraw", [_revoke, _deactivate_producer, _hide])
def test_a_bulk_sql_withdrawal_leaves_a_kept_search_answer_at_once(withdraw):
    """The kept answer's ids are not gated again while it is current: every input of the gate
    must move the listing clock that keys it."""
    honey = ProductFactory(title="Mật ong bạc hà Hà Giang")
    assert "Mật ong bạc hà" in _get("/search/?q=mat+ong")[0]

    withdraw(honey)

    assert "Mật ong bạc hà" not in _get("/search/?q=mat+ong")[0]
    assert "Mật ong bạc hà" not in _get("/catalogue/")[0]


def _facets(url):
    return re.search(r'<nav class="facets".*?</nav>', _get(url)[0], re.DOTALL).group(0)


def test_the_facets_are_kept_for_every_page_of_a_list_and_count_a_withdrawal():
    first, _ = ProductFactory.create_batch(2, origin_province_code=79)
    assert "(2)" in _facets("/catalogue/?sort=newest")
    assert _facets("/catalogue/?sort=newest&page=1") == _facets("/catalogue/?sort=newest")

    _hide(first)

    assert "(2)" not in _facets("/catalogue/?sort=newest") and "(1)" in _facets("/catalogue/?sort=newest")


def test_rewriting_a_search_entry_moves_the_listing_clock_only_when_it_changes():
    product = ProductFactory(title="Muối hạt Cần Giờ")
    listing = current(["clock:listing"])
    update_entries([product.pk])  # the same words again
    assert current(["clock:listing"]) == listing

    type(product).objects.filter(pk=product.pk).update(title="Muối tôm Tây Ninh")
    update_entries([product.pk])
    assert current(["clock:listing"])["clock:listing"] > listing["clock:listing"]


def test_a_list_whose_cards_are_kept_reads_nothing_more_for_them_and_shows_a_new_price():
    products = ProductFactory.create_batch(3)
    first, first_queries = _get("/catalogue/")
    again, queries = _get("/catalogue/")

    assert without_visitor_parts(again) == without_visitor_parts(first)
    card_tables = {"catalogue_productimage", "partner_stockrecord", "catalogue_certificate"}
    assert card_tables <= set(map(_table_read, first_queries))
    assert card_tables.isdisjoint(map(_table_read, queries))

    StockRecord.objects.filter(product=products[0]).update(price=123_000)
    page, queries = _get("/catalogue/")
    assert "123.000" in page
    assert [_table_read(sql) for sql in queries].count("catalogue_productimage") == 1  # for that one card


@pytest.mark.django_db(transaction=True)  # the content clock moves when the rename commits
@pytest.mark.usefixtures("migrated_transactional_db")
def test_the_filter_form_keeps_the_values_asked_and_shows_a_renamed_group():
    ProductFactory()
    group = ProductGroup.objects.order_by("position").first()
    page, _ = _get("/catalogue/?stars=5")
    assert '<option value="5" selected>' in page
    assert '<option value="5" selected>' not in _get("/catalogue/?stars=4")[0]

    group.name = "Nhóm đổi tên"
    group.save()
    assert "Nhóm đổi tên" in _get("/catalogue/?stars=5")[0]


def test_a_stamps_trace_page_reads_its_lots_rows_kept_by_the_lot_page_and_shows_a_new_event():
    lot = LotFactory()
    stamp = StampFactory(lot=lot)
    _get(links.lot_trace_path(lot))

    page, queries = _get(links.stamp_trace_path(stamp))
    assert lot.code in page
    assert not any("traceability_lot" in sql and "traceability_stamp" not in sql for sql in queries)

    TraceEvent.objects.create(
        lot=lot,
        step=TraceEvent.Step.PACKING,
        occurred_at="2026-11-02T08:00:00+07:00",
        place="Xưởng đóng gói Cần Giờ",
    )
    assert "Xưởng đóng gói Cần Giờ" in _get(links.stamp_trace_path(stamp))[0]


def test_two_lots_of_one_product_keep_their_own_rows():
    first = LotFactory()
    second = LotFactory(product=first.product)

    assert first.code in _get(links.lot_trace_path(first))[0]
    page = _get(links.lot_trace_path(second))[0]
    assert second.code in page and first.code not in page


def test_a_products_page_reads_its_kept_rows_and_is_gone_after_a_bulk_revocation():
    product = ProductFactory()
    _get(product.get_absolute_url())

    _, queries = _get(product.get_absolute_url())
    assert "catalogue_certificate" not in map(_table_read, queries)

    _revoke(product)
    assert Client().get(product.get_absolute_url()).status_code == 410


def test_a_whole_page_rendered_from_kept_rows_still_follows_its_product(settings):
    product = ProductFactory(stockrecords__price=95_000)
    _get(product.get_absolute_url())  # keeps the product's rows
    settings.PAGE_CACHE = True
    Client().get(product.get_absolute_url())  # a page rendered from them, stored

    StockRecord.objects.filter(product=product).update(price=99_000)

    response = Client().get(product.get_absolute_url())
    assert response["X-Cache"] == "miss" and "99.000" in response.content.decode()
