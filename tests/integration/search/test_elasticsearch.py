"""Elasticsearch specifics: typo tolerance, index sync through the task queue, alias rebuilds."""

import logging

import pytest
from django.core.management import call_command

from catalogue.certification import local_today
from catalogue.models import Certificate
from search import elastic
from search.backends.base import SearchQuery
from search.indexing import update_elasticsearch
from search.service import search_products
from tests.factories import ProductFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("elasticsearch")]


def _titles(text):
    """The products matching every word (none when only close ones are found)."""
    found = search_products(SearchQuery(text=text))
    assert found.results.backend == "elasticsearch"
    return [] if found.results.approximate else sorted(product.title for product in found.products)


def test_a_typo_still_finds_the_product(reindex):
    ProductFactory(title="Nước mắm Cần Giờ")
    reindex()
    found = search_products(SearchQuery(text="nuoc mma can gio"))
    assert [p.title for p in found.products] == ["Nước mắm Cần Giờ"] and found.results.approximate


def test_changes_reach_the_index_through_the_task_queue(committed):
    with committed():
        product = ProductFactory(title="Khô cá đù Cần Giờ")
    assert _titles("ca du kho") == ["Khô cá đù Cần Giờ"]

    with committed():
        product.title = "Khô cá đuối Cần Giờ"
        product.save()
    assert _titles("ca du kho") == []
    assert _titles("kho ca duoi") == ["Khô cá đuối Cần Giờ"]


def test_a_revocation_is_indexed_at_once_even_while_the_queue_waits(settings, committed):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with committed():
        product = ProductFactory(title="Bún Vân Cù")
    update_elasticsearch([product.pk])  # what the worker would have done
    with committed():
        product.title = "Bún tươi Vân Cù"
        product.save()  # queued, not run: the index still has the old title
    assert _document(product)["name"] == "Bún Vân Cù"

    with committed():
        certificate = product.certificates.get()
        certificate.status = Certificate.Status.REVOKED
        certificate.revoked_on = local_today()
        certificate.revocation_decision_number = "3/QĐ-UBND"
        certificate.save()
    document = _document(product)
    assert document["certificates"][0]["status"] == "revoked"
    assert document["name"] == "Bún tươi Vân Cù"


def _document(product):
    return elastic.client().get(index=elastic.alias(), id=product.pk)["_source"]


def test_rebuild_builds_a_new_index_and_swaps_the_alias(capsys):
    ProductFactory(title="Cói Kim Sơn")
    before = set(elastic.client().indices.get_alias(name=elastic.alias()))

    call_command("search_index", rebuild=True)

    after = set(elastic.client().indices.get_alias(name=elastic.alias()))
    assert len(after) == 1 and after != before
    assert elastic.live_indices() == sorted(after)  # the old index is gone
    assert _titles("coi kim son") == ["Cói Kim Sơn"]
    assert "Indexed 1 products" in capsys.readouterr().out


def test_elasticsearch_errors_while_indexing_are_logged_not_raised(settings, caplog, committed):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    with caplog.at_level(logging.ERROR, logger="search.indexing"), committed():
        ProductFactory(title="Mắm tôm chua An Thới Đông")
    assert "Elasticsearch index update failed" in caplog.text
    settings.ELASTICSEARCH_URL = ""
    assert [p.title for p in search_products(SearchQuery(text="mam tom")).products] == [
        "Mắm tôm chua An Thới Đông"
    ]


def test_sales_points_stocking_a_product_are_indexed_as_locations(committed):
    from tests.factories import SalesPointStockFactory

    with committed():
        product = ProductFactory(title="Mắm cá cơm Cần Giờ")
        SalesPointStockFactory(product=product)  # a tourist-site point in Cần Giờ

    assert _document(product)["sales_points"] == [{"lat": 10.4862, "lon": 106.8012}]
    near_can_gio = {"geo_distance": {"distance": "5km", "sales_points": {"lat": 10.49, "lon": 106.80}}}
    hits = elastic.client().search(index=elastic.alias(), query=near_can_gio)["hits"]["hits"]
    assert [int(hit["_id"]) for hit in hits] == [product.pk]
