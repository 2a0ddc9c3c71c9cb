"""Row versions and list clocks move on every write a page shows, by database triggers, on either database.

(On SQLite a table rebuilt by a migration loses its triggers: catalogue 0039 once dropped the
certificates', so a bulk revocation left cached pages stale on the embedded setup. The triggers
are checked and made again after every migrate.)
"""

import pytest
from django.db import connection
from oscar.core.loading import get_model

from catalogue.models import Certificate, Producer, Product, RecognitionDecision
from pagecache import triggers
from pagecache.freshness import CLOCKS, current
from tests.factories import LotFactory, ProductFactory
from traceability.models import Lot, TraceEvent

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def _version(product):
    return Product.objects.values_list("version", flat=True).get(pk=product.pk)


def _clocks():
    return current(CLOCKS)


def test_every_trigger_is_in_place_after_migrating():
    assert triggers.expected(connection) <= triggers.installed(connection)


@pytest.mark.parametrize(
    ("model", "change"),
    [
        (Product, {"is_public": False}),
        (Producer, {"is_active": False}),
        (
            Certificate,
            {
                "status": Certificate.Status.REVOKED,
                "revoked_on": "2026-01-02",
                "revocation_decision_number": "1/QĐ-UBND",
            },
        ),
        (RecognitionDecision, {"number": "2/QĐ-UBND"}),
    ],
)
def test_a_bulk_update_of_a_gate_table_moves_the_product_and_the_listing(model, change):
    product, other = ProductFactory(), ProductFactory()
    before, other_before, clocks = _version(product), _version(other), _clocks()

    assert model.objects.filter(pk__in=_rows_of(model, product)).update(**change) >= 1

    assert _version(product) > before
    assert _version(other) == other_before
    assert _clocks()["clock:listing"] > clocks["clock:listing"]


def _rows_of(model, product):
    return {
        Product: [product.pk],
        Producer: [product.producer_id],
        Certificate: product.certificates.values("pk"),
        RecognitionDecision: product.certificates.values("decision"),
    }[model]


def test_a_stock_count_moves_its_product_only_and_no_list():
    product, other = ProductFactory(), ProductFactory()
    before, other_before, clocks = _version(product), _version(other), _clocks()

    StockRecord.objects.filter(product=product).update(num_in_stock=77)

    assert _version(product) == before + 1
    assert _version(other) == other_before
    assert _clocks() == clocks


def test_a_price_moves_the_prices_clock_that_orders_lists_by_price():
    product = ProductFactory()
    clocks = _clocks()

    StockRecord.objects.filter(product=product).update(price=12_345)

    assert _clocks()["clock:prices"] == clocks["clock:prices"] + 1
    assert _clocks()["clock:listing"] == clocks["clock:listing"]


def test_a_product_saved_unchanged_moves_its_version_but_not_the_listing():
    product = ProductFactory()
    before, clocks = _version(product), _clocks()

    Product.objects.filter(pk=product.pk).update(title=product.title)

    assert _version(product) == before + 1
    assert _clocks() == clocks


def test_a_product_saved_from_a_stale_copy_still_moves_its_version_forward():
    product = ProductFactory()
    stale = Product.objects.get(pk=product.pk)
    StockRecord.objects.filter(product=product).update(num_in_stock=5)  # the version moves on
    moved = _version(product)

    stale.rating = 4.0
    stale.save()  # writes the version it loaded

    assert _version(product) > moved


def test_deleting_a_certificate_moves_its_product():
    product = ProductFactory()
    before = _version(product)

    Certificate.objects.filter(product=product).delete()

    assert _version(product) > before


def test_an_event_of_a_lot_moves_the_lot():
    lot = LotFactory()
    before = Lot.objects.values_list("version", flat=True).get(pk=lot.pk)

    TraceEvent.objects.create(lot=lot, step=TraceEvent.Step.PACKING, occurred_at="2026-11-02T08:00:00+07:00")

    assert Lot.objects.values_list("version", flat=True).get(pk=lot.pk) > before


def test_a_missing_trigger_is_made_again():
    name = sorted(triggers.expected(connection))[0]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP FUNCTION {name}() CASCADE")
        else:
            cursor.execute(f"DROP TRIGGER {name}")

    assert triggers.install() is True
    assert triggers.expected(connection) <= triggers.installed(connection)
    assert triggers.install() is False  # all in place: nothing to do
