"""Search tests run against both backends: the database, and Elasticsearch on osmem-server."""

import pytest

from search import elastic, indexing
from search.backends.base import SearchQuery
from search.service import search_products, suggest_products


@pytest.fixture
def elasticsearch(osmem_clone, settings):
    """Elasticsearch configured (an empty osmem-server clone per test), index and alias created."""
    settings.ELASTICSEARCH_URL = osmem_clone.url
    elastic.ensure_index()
    return osmem_clone


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    return request.param


@pytest.fixture
def search(backend):
    """Search through the storefront's service, checking the backend asked is the one answering."""

    def run(**query):
        found = search_products(SearchQuery(**query))
        assert found.results.backend == backend
        return found

    return run


@pytest.fixture
def titles(search):
    def run(**query):
        return sorted(product.title for product in search(**query).products)

    return run


@pytest.fixture
def suggestions():
    def run(prefix):
        return sorted(product.title for product in suggest_products(prefix))

    return run


@pytest.fixture
def reindex(django_capture_on_commit_callbacks):
    """Rebuild both indexes from the catalogue (as `search_index --rebuild` does)."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            indexing.rebuild()

    return run


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Changes made inside run their on-commit index updates, as after a real commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
