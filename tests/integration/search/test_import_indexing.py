"""An import tells search once, at its end, and every imported product is then found."""

from unittest import mock

import pytest

from catalogue.certification import local_today
from catalogue.importing import import_ocop
from search import indexing
from search.backends.base import SearchQuery
from search.backends.database import DatabaseBackend
from tests.ocop_files import csv_bytes, ocop_row

pytestmark = pytest.mark.django_db


def test_an_import_reindexes_its_products_once_and_they_are_found():
    rows = [ocop_row(n, product_name=f"Mật ong hoa cà phê {n}") for n in range(5)]

    with mock.patch.object(indexing, "update_entries", wraps=indexing.update_entries) as reindexed:
        import_ocop(csv_bytes(rows), "ocop.csv")

    assert reindexed.call_count == 1
    assert len(reindexed.call_args.args[0]) == 5
    found = DatabaseBackend().search(SearchQuery(text="mat ong hoa ca phe"), local_today())
    assert found.total == 5


def test_an_import_that_fails_halfway_tells_search_nothing():
    """Its products were saved, then the transaction is rolled back: no reindexing of them."""
    rows = [ocop_row(n) for n in range(3)]

    with (
        mock.patch.object(indexing, "update_entries") as reindexed,
        mock.patch("catalogue.importing._create_certificate", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        import_ocop(csv_bytes(rows), "ocop.csv")

    reindexed.assert_not_called()
