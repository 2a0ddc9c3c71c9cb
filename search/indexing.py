"""Keeping both search indexes in step with the catalogue.

The database backend's entries are rewritten in the same transaction as the change, so they can
never disagree with the catalogue. Elasticsearch hears of changes once the transaction commits,
through the task queue; a revocation is sent at once instead, so it leaves search on the next
request.
"""

import logging
import threading
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from elasticsearch import ApiError, TransportError

from catalogue.certification import local_today
from catalogue.models import Product
from catalogue.signals import noted_for_bulk
from search import elastic
from search.documents import facts_for, products_to_index
from search.models import ProductSearchEntry

logger = logging.getLogger(__name__)

BATCH = 500
_pending = threading.local()


def products_changed(product_ids: Iterable[int], *, urgent: bool = False) -> None:
    """Reindex these products: the database entries now, Elasticsearch after commit; inside a
    bulk write (an import), once for all of them at its end (catalogue.signals)."""
    ids = sorted({pk for pk in product_ids if pk})
    if not ids or noted_for_bulk(ids):
        return
    update_entries(ids)
    _send_to_elasticsearch(ids, urgent=urgent)


def elasticsearch_fields_changed(product_ids: Iterable[int]) -> None:
    """Changes only Elasticsearch holds: prices and sales-point locations.

    The database backend reads them live (it sorts by the stock records' prices).
    """
    _send_to_elasticsearch(sorted({pk for pk in product_ids if pk}), urgent=False)


def _send_to_elasticsearch(ids: list[int], *, urgent: bool) -> None:
    if ids and elastic.is_configured():
        pending = getattr(_pending, "ids", None)
        if pending is None:
            pending = _pending.ids = set()
        pending.update(ids)
        transaction.on_commit(_send_urgently if urgent else _enqueue)


def _take_pending() -> list[int]:
    ids = sorted(getattr(_pending, "ids", ()))
    _pending.ids = set()
    return ids


def _enqueue() -> None:
    from search.tasks import update_search_index

    ids = _take_pending()
    if ids:  # an earlier callback of the same transaction may have sent them already
        update_search_index.enqueue(ids)


def _send_urgently() -> None:
    ids = _take_pending()
    if ids:
        update_elasticsearch(ids)


def update_entries(product_ids: list[int]) -> None:
    """Rewrite the database backend's entries of these products."""
    for facts, gone in _read(product_ids):
        _write_entries(facts, gone)


def update_elasticsearch(product_ids: list[int]) -> None:
    """Rewrite these products' Elasticsearch documents (in every live index), removing gone ones."""
    for facts, gone in _read(product_ids):
        try:
            elastic.write([f.as_document() for f in facts], gone, elastic.live_indices())
        except (ApiError, TransportError):
            logger.exception("Elasticsearch index update failed for %d products", len(facts) + len(gone))


def _read(product_ids):
    """Batches of (facts of canonical products, ids of products gone or no longer canonical)."""
    today = local_today()
    for start in range(0, len(product_ids), BATCH):
        batch = product_ids[start : start + BATCH]
        products = list(products_to_index().filter(pk__in=batch, parent=None))
        gone = sorted(set(batch) - {product.pk for product in products})
        yield [facts_for(product, today) for product in products], gone


def rebuild(*, progress: Callable[[int], None] = lambda done: None, elasticsearch: bool = True) -> str | None:
    """Reindex every product: database entries, then a new Elasticsearch index swapped in by alias.

    Searches keep using the old index until the new one is complete. Returns the new index name.
    """
    new_index = elastic.create_index() if elasticsearch and elastic.is_configured() else None
    all_ids = list(Product.objects.filter(parent=None).order_by("pk").values_list("pk", flat=True))
    ProductSearchEntry.objects.exclude(product_id__in=Product.objects.filter(parent=None)).delete()
    for facts, _ in _read(all_ids):
        _write_entries(facts, [])
        if new_index:
            elastic.write([f.as_document() for f in facts], [], [new_index])
        progress(len(facts))
    with connection.cursor() as cursor:  # planner statistics for the fresh entries
        cursor.execute(f"ANALYZE {ProductSearchEntry._meta.db_table}")
    if new_index:
        elastic.swap_alias(new_index)
        for old_index in set(elastic.live_indices()) - {new_index}:  # older ones, failed rebuilds
            elastic.client().indices.delete(index=old_index)
    return new_index


def _write_entries(facts, gone_ids) -> None:
    with transaction.atomic():
        ProductSearchEntry.objects.filter(product_id__in=gone_ids).delete()
        ProductSearchEntry.objects.bulk_create(
            [f.as_entry() for f in facts],
            update_conflicts=True,
            unique_fields=["product"],
            update_fields=["name", "producer", "text"],
            batch_size=BATCH,
        )
