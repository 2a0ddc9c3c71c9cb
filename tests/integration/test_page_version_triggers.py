"""A bulk SQL write to any table of the listing gate moves the page version, on either database.

(On SQLite a table rebuilt by a later migration had lost its triggers: catalogue 0039 dropped the
certificates', so a bulk revocation left cached pages stale on the embedded setup.)
"""

import pytest

from catalogue.models import Certificate, Producer, Product, RecognitionDecision
from pagecache.freshness import page_version
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("model", "change"), [
    (Product, {"is_public": False}),
    (Producer, {"is_active": False}),
    (Certificate, {"status": Certificate.Status.REVOKED, "revoked_on": "2026-01-02",
                   "revocation_decision_number": "1/QĐ-UBND"}),
    (RecognitionDecision, {"number": "2/QĐ-UBND"}),
])
def test_a_bulk_update_of_a_gate_table_moves_the_page_version(model, change):
    ProductFactory()
    before = page_version()
    assert model.objects.update(**change) >= 1
    assert page_version() > before


def test_the_version_moves_on_delete_too():
    ProductFactory()
    before = page_version()
    Certificate.objects.all().delete()
    assert page_version() > before
