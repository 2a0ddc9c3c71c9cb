"""Product views counted in the cache, added to Oscar's ProductRecord in batches.

Oscar's receiver wrote a counter row on every product page view, inserting it on the first one:
two first views at once raced on the row's unique key, and on PostgreSQL the loser's request
transaction was broken (an error page). Here a view is one atomic cache increment, and
``flush_views`` (``manage.py flush_product_views``, run by the scheduler) is the only writer.
A view the cache loses (eviction, Redis down) goes uncounted; the page never fails for it.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductRecord = get_model("analytics", "ProductRecord")

BATCH = 1000


def _key(product_id: int) -> str:
    return f"analytics:views:{product_id}"


def count_view(sender, product, **kwargs):
    key = _key(product.pk)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        pass  # the cache dropped the key between the two calls, or is down: one view uncounted


def pending_views(product_ids) -> dict[int, int]:
    """Views counted in the cache and not yet flushed, by product id."""
    keys = {_key(pk): pk for pk in product_ids}
    return {keys[key]: count for key, count in cache.get_many(list(keys)).items() if count}


def flush_views() -> int:
    """Add the cached counts to the products' records; returns how many views were written."""
    written = 0
    product_ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(product_ids), BATCH):
        counts = pending_views(product_ids[start : start + BATCH])
        if not counts:
            continue
        with transaction.atomic():
            ProductRecord.objects.bulk_create(
                [ProductRecord(product_id=pk) for pk in counts], ignore_conflicts=True
            )
            for pk, count in counts.items():
                ProductRecord.objects.filter(product_id=pk).update(num_views=F("num_views") + count)
        for pk, count in counts.items():  # after commit: views counted meanwhile stay pending
            cache.decr(_key(pk), count)
        written += sum(counts.values())
    return written
