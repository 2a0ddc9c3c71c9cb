"""The storefront's one entry to search: picks the backend, falls back, loads gated products."""

import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch import ApiError, TransportError

from catalogue.certification import local_today
from catalogue.selectors import card_rows
from search import elastic
from search.backends.base import SUGGESTION_LIMIT, SearchQuery, SearchResults
from search.backends.database import DatabaseBackend
from search.backends.elastic import ElasticsearchBackend

logger = logging.getLogger(__name__)


class _Breaker:
    """After Elasticsearch fails, skip it for a while rather than wait on it for every request."""

    retry_at = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self.retry_at

    def trip(self) -> None:
        self.retry_at = time.monotonic() + settings.SEARCH_ELASTICSEARCH_RETRY_SECONDS


breaker = _Breaker()


@dataclass
class SearchPage:
    results: SearchResults
    # Listable products of the page, in result order, as search_products' ``rows`` read them.
    products: list = field(default_factory=list)


def backends():
    """The backends to try, in order: Elasticsearch when configured and not failing, then the database."""
    if elastic.is_configured() and not breaker.is_open():
        return [ElasticsearchBackend(), DatabaseBackend()]
    return [DatabaseBackend()]


def _first_answer(ask):
    *preferred, fallback = backends()
    for backend in preferred:
        try:
            return ask(backend)
        except (ApiError, TransportError) as error:
            breaker.trip()
            logger.warning("Elasticsearch unavailable (%s); searching the database instead", error)
    return ask(fallback)


def search_products(query: SearchQuery, *, rows=card_rows) -> SearchPage:
    """The page of products found, read from ``rows`` (see in_order)."""
    today = local_today()
    results = _first_answer(lambda backend: backend.search(query, today))
    return SearchPage(results, in_order(results.product_ids, gated=results.gated, rows=rows))


def suggest_products(prefix: str, limit: int = SUGGESTION_LIMIT) -> list:
    today = local_today()
    ids = _first_answer(lambda backend: backend.suggest(prefix, today, limit))
    return in_order(ids)[:limit]


def in_order(ids: list[int], *, gated: bool = False, rows=card_rows) -> list:
    """The products with these ids that pass the gate now, in the given order, read from ``rows``
    (a catalogue.selectors function: card_keys, card_rows or products_for_cards).

    An index can lag behind the catalogue; the page itself never does. Ids that passed the gate
    on the current rows (``gated``) are read by id without asking it again.
    """
    products = rows(gated_already=gated).in_bulk(ids)
    return [products[pk] for pk in ids if pk in products]
