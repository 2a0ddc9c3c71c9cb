"""Elasticsearch down means database search, not an error page; both backends agree on the demo data."""

import logging

import pytest
from django.core.management import call_command

from search import service
from search.backends.base import SearchQuery
from search.service import search_products, suggest_products
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    "mắm cá cơm", "mam ca com", "MUỐI", "sam ngoc linh", "can gio", "banh trang trang bang",
    "thanh tra huong van", "tinh dau tram", "kieu", "bun van cu", "coi kim son", "hop qua", "htx",
    "tay ninh", "xyz khong co",
]


@pytest.fixture
def stopped_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # configured, but nothing listens there
    settings.ELASTICSEARCH_TIMEOUT = 0.5


def test_search_pages_answer_from_the_database_when_elasticsearch_is_down(
    client, stopped_elasticsearch, caplog
):
    ProductFactory(title="Muối hạt Cần Giờ")
    with caplog.at_level(logging.WARNING, logger="search.service"):
        page = client.get("/search/?q=muoi")
        listing = client.get("/catalogue/?stars=4")
        suggestions = client.get("/search/suggest/?q=muo")

    assert page.status_code == listing.status_code == suggestions.status_code == 200
    assert "Muối hạt Cần Giờ" in page.content.decode() and "Muối hạt Cần Giờ" in listing.content.decode()
    assert suggestions.json()["suggestions"][0]["name"] == "Muối hạt Cần Giờ"
    assert "Elasticsearch unavailable" in caplog.text


def test_after_a_failure_elasticsearch_is_left_alone_for_a_while(settings, stopped_elasticsearch, caplog):
    settings.SEARCH_ELASTICSEARCH_RETRY_SECONDS = 60
    service.breaker.retry_at = 0.0
    try:
        with caplog.at_level(logging.WARNING, logger="search.service"):
            first = search_products(SearchQuery(text="muoi"))
            second = search_products(SearchQuery(text="muoi"))
        assert first.results.backend == second.results.backend == "database"
        assert caplog.text.count("Elasticsearch unavailable") == 1
    finally:
        service.breaker.retry_at = 0.0


def test_both_backends_find_the_same_products_on_the_demo_data(settings, elasticsearch):
    call_command("seed_demo", products=200, producers=60, verbosity=0)  # indexes both backends

    def answers(url, text, **filters):
        settings.ELASTICSEARCH_URL = url
        found = search_products(SearchQuery(text=text, per_page=500, **filters))
        assert found.results.backend == ("elasticsearch" if url else "database")
        facets = {
            name: sorted((f.value, f.count) for f in counts) for name, counts in found.results.facets.items()
        }
        return sorted(p.pk for p in found.products), found.results.total, facets, found.results.approximate

    compared = 0
    for text in QUERIES:
        for filters in ({}, {"stars": 4}, {"group": "thuc-pham"}, {"province": 79}):
            database, elastic = answers("", text, **filters), answers(elasticsearch.url, text, **filters)
            assert database[3] == elastic[3], (text, filters)  # both found every word, or neither
            if elastic[3]:  # then products matching some words: Elasticsearch forgives more typos
                assert set(database[0]) <= set(elastic[0]), (text, filters)
                continue
            assert database == elastic, (text, filters)
            compared += database[1] > 0
    assert compared > 20  # the comparison is not vacuous

    for sort in ("price", "-price", "newest"):  # ties broken the same way
        orders = []
        for url in ("", elasticsearch.url):
            settings.ELASTICSEARCH_URL = url
            orders.append([p.pk for p in search_products(SearchQuery(text="can gio", sort=sort)).products])
        assert orders[0] == orders[1], sort

    for prefix in ("mam", "tra", "can g", "hop q"):
        settings.ELASTICSEARCH_URL = ""
        database_suggestions = {p.pk for p in suggest_products(prefix, limit=100)}
        settings.ELASTICSEARCH_URL = elasticsearch.url
        assert {p.pk for p in suggest_products(prefix, limit=100)} == database_suggestions, prefix
        assert database_suggestions, prefix
