"""What the catalogue tells the layers above of its rows: writes of many at once, and rows
taken from the cache instead of loaded.

Writes of many products at once, for those who follow product changes row by row (search).

An import of 1,000 decisions saved each product and certificate, and each save reindexed its
product for search on the spot (24 ms apiece, most of the import's time). Inside ``bulk_write()``
such listeners note the products instead (``noted_for_bulk``) and hear of them all once, from
``products_written``, still inside the writing transaction.
"""

import contextvars
from collections.abc import Iterable
from contextlib import contextmanager

from django.dispatch import Signal

products_written = Signal()  # sent with product_ids, once a bulk write's rows are all written
# Sent with ``instance``, a row taken from the cache: loaded from the database it would have
# sent post_init, by which the page cache records the versions a page shows (pagecache.freshness).
row_reused = Signal()
_written: contextvars.ContextVar[set | None] = contextvars.ContextVar("catalogue_bulk_write", default=None)


@contextmanager
def bulk_write():
    written: set[int] = set()
    token = _written.set(written)
    try:
        yield
    finally:
        _written.reset(token)
    products_written.send(sender=bulk_write, product_ids=sorted(written))


def noted_for_bulk(product_ids: Iterable[int]) -> bool:
    """While a bulk write runs, note these products for ``products_written`` and say so."""
    written = _written.get()
    if written is None:
        return False
    written.update(pk for pk in product_ids if pk)
    return True
