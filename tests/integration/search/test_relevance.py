"""The relevance set on the demo catalogue, on both backends: every must-find product in the top
five, and precision@5 and recall@5 reported per backend (printed after the run: tests/conftest.py)."""

import pytest

from catalogue.demo import seed_demo
from search import indexing
from search.backends.base import SearchQuery
from search.service import search_products
from tests.integration.search.relevance import RELEVANCE_SET

pytestmark = pytest.mark.django_db

TOP = 5
MIN_PRECISION = 0.8


def base_title(title: str, bases: set[str]) -> str:
    """A demo product's title without its packaging ("Thanh trà Hương Vân – hộp quà")."""
    return next((base for base in bases if title == base or title.startswith(f"{base} – ")), title)


def test_relevance_set(backend, record_property):
    seed_demo(products=120, producers=40)  # make run's catalogue (its story pages aside)
    indexing.rebuild()
    bases = {title for _, must, also in RELEVANCE_SET for title in must + also}
    assert len(RELEVANCE_SET) >= 40

    misses, precisions, recalls = [], [], []
    for text, must, also in RELEVANCE_SET:
        found = search_products(SearchQuery(text=text, per_page=TOP, with_facets=False))
        assert found.results.backend == backend
        top = [base_title(product.title, bases) for product in found.products]
        relevant = set(must) | set(also)
        precisions.append(sum(title in relevant for title in top) / len(top) if top else 0.0)
        recalls.append(sum(title in top for title in must) / len(must))
        if not set(must) <= set(top):
            misses.append((text, sorted(set(must) - set(top)), top))

    precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    record_property("relevance", (backend, len(RELEVANCE_SET), precision, recall))
    assert misses == []
    assert precision >= MIN_PRECISION
