"""The catalogue's words, as the search entries hold them: what a typo is corrected to."""

from django.core.cache import cache
from django.db import connection

from pagecache import freshness
from search.models import ProductSearchEntry

LISTING_CLOCK = "clock:listing"  # moved by every change of a search entry (search migration 0004)
VOCABULARY_SECONDS = 3600  # only bounds memory: a changed entry moves the clock in the key


def vocabulary() -> frozenset[str]:
    """Every folded word of every product's entry, kept until an entry changes."""
    clock = freshness.clocks_now([LISTING_CLOCK])[LISTING_CLOCK]
    return cache.get_or_set(f"search:vocabulary:{clock}", _read, VOCABULARY_SECONDS)


def _read() -> frozenset[str]:
    table = ProductSearchEntry._meta.db_table
    if connection.vendor == "postgresql":  # the distinct lexemes of the indexed tsvector column
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT word FROM ts_stat('SELECT words FROM {table}')")  # noqa: S608  # nosec B608
            return frozenset(word for (word,) in cursor.fetchall())
    texts = ProductSearchEntry.objects.values_list("text", flat=True).iterator(chunk_size=2000)
    return frozenset(word for text in texts for word in text.split())
