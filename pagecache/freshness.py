"""Whether a cached page still shows what the database holds: versions of exactly what it shows.

A page is stored with its *dependencies*: the version of every versioned row it loaded (a
product's version moves with its certificates, producer, decision, stock, price, images,
reviews and sales points; a lot's with its events and areas: pagecache.triggers), and for a
page that lists things the clocks of the lists (which products are listed and in what order,
prices) and of editorial content (Wagtail pages, images, groups, fairs). On a
hit, one query reads the current values of those dependencies; any difference, or a new day
(a certificate lapses at midnight, Vietnam time), and the page is rendered afresh. So a stock
save on product A re-renders A's page and the lists that show A, and nothing else.

Rows the triggers watch move inside the writing transaction, bulk SQL included. Editorial
content moves its clock by the model signals below, once per transaction and after it commits,
so a page rendered from the old rows is never stored as fresh under the new clock.

Versions are read before the rows that depend on them (a product row before its stock, the
clocks before the list), so a write that lands mid-render leaves the page marked stale, never
the reverse.
"""

import contextvars
import hashlib
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils.translation import get_language

from catalogue.certification import local_today
from catalogue.signals import row_reused
from pagecache import triggers
from pagecache.models import Clock

CLOCKS = tuple(f"clock:{kind}" for kind in Clock.Kind.values)
CONTENT_CLOCK = f"clock:{Clock.Kind.CONTENT}"
SHOWN_APPS = {
    "catalogue",
    "partner",
    "salespoints",
    "tradefairs",
    "traceability",
    "storefront",
    "wagtailcore",
    "wagtailimages",
    "offer",
    "reviews",
}
NOT_SHOWN = {
    "traceability.Scan",
    "traceability.Stamp",  # a stamp's counters are spliced in on every request
    "wagtailimages.Rendition",  # made while rendering: moving the clock would undo the cache it fills
    "partner.StockAlert",
    "traceability.CaptureToken",
}
CONTENT_CLOCK_SQL = f"SELECT value FROM {Clock._meta.db_table} WHERE kind = 'content'"  # one stripe
UNKNOWN = -1  # a version that was not loaded: never equal to a current one

_recording: contextvars.ContextVar[dict | None] = contextvars.ContextVar("pagecache_recording", default=None)


def page_key(prefix: str, path: str, *parts) -> str:
    key = (path, get_language(), local_today(), *parts)
    return f"{prefix}:" + hashlib.sha256(repr(key).encode()).hexdigest()


def current(names: Iterable[str]) -> dict[str, int]:
    """The current value of each dependency named ``clock:<kind>`` or ``<table>:<id>``, in one query.

    A row that no longer exists is left out, so a page that showed it differs from the answer.
    Plain SQL, not a prepared statement: a transaction-mode pooler (PgBouncer) hands each
    transaction another server connection.
    """
    clocks = sorted({name.removeprefix("clock:") for name in names if name.startswith("clock:")})
    rows: dict[str, list[int]] = {}
    for name in names:
        if not name.startswith("clock:"):
            table, _, pk = name.partition(":")
            rows.setdefault(table, []).append(int(pk))
    selects, params = [], []
    if clocks:
        selects.append(
            f"SELECT 'clock:' || kind, CAST(SUM(value) AS BIGINT) FROM {Clock._meta.db_table} "  # nosec B608
            f"WHERE kind IN ({', '.join(['%s'] * len(clocks))}) GROUP BY kind"
        )
        params += clocks
    for table in sorted(rows):
        if table not in triggers.versioned_tables():
            continue  # not a versioned table: never current, so never fresh
        selects.append(
            f"SELECT '{table}:' || CAST(id AS TEXT), version FROM {table} "  # nosec B608
            f"WHERE id IN ({', '.join(['%s'] * len(rows[table]))})"
        )
        params += rows[table]
    if not selects:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return dict(cursor.fetchall())


def clocks_now(clocks: Iterable[str]) -> dict[str, int]:
    """The clocks' values for what is about to be read: as the page being recorded read them
    before it began, when it did (no query), else read now. An older value only makes what is
    kept under it stale sooner, never wrongly fresh."""
    recorded = _recording.get() or {}
    if all(clock in recorded for clock in clocks):
        return {clock: recorded[clock] for clock in clocks}
    return current(clocks)


def whole_catalogue() -> tuple:
    """A version of everything the shop shows, for what shows all of it (the product feeds): the
    clocks, and the count and sum of every versioned table's row versions (each update adds one)."""
    sums = [
        f"SELECT '{table}', COUNT(*), SUM(version) FROM {table}"  # nosec B608
        for table in sorted(triggers.versioned_tables())
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sums))
        return (*sorted(current(CLOCKS).items()), *cursor.fetchall())


def is_fresh(dependencies: dict[str, int]) -> bool:
    return current(dependencies) == dependencies


class Recording:
    """The dependencies of what is rendered while it runs: the ``clocks`` as they were when it
    began, and every versioned row as it is loaded. Started and stopped in one thread; one
    started inside another (a cached fragment inside a page) adds what it saw to the outer one."""

    def __init__(self, clocks: Iterable[str] = ()):
        self.dependencies = clocks_now(clocks)
        self._token = _recording.set(self.dependencies)

    def stop(self) -> dict[str, int]:
        _recording.reset(self._token)
        merge(self.dependencies)
        return self.dependencies


def merge(dependencies: dict[str, int]) -> None:
    """Add ``dependencies`` (of a fragment taken from the cache) to the page being recorded."""
    for name, version in dependencies.items():
        shows(name, version)


def shows(name: str, version: int) -> None:
    """Note that what is being recorded shows ``name`` (``<table>:<id>`` or a clock) at this version."""
    dependencies = _recording.get()
    if dependencies is not None:
        # Two loads of one row in a render may see two versions: keep the older, so it re-renders.
        dependencies[name] = min(dependencies.get(name, version), version)


def _instance_loaded(sender, instance, **kwargs):
    if (
        _recording.get() is not None
        and instance.pk is not None
        and sender._meta.db_table in triggers.versioned_tables()
    ):
        deferred = "version" not in instance.__dict__
        shows(f"{sender._meta.db_table}:{instance.pk}", UNKNOWN if deferred else instance.version)


def _bump_content() -> None:
    Clock.objects.filter(kind=Clock.Kind.CONTENT).update(value=F("value") + 1)


def content_changed() -> None:
    """Move the editorial clock once the current transaction commits (at once outside one).

    Once per transaction, however many rows it writes. A move already waiting in this savepoint
    or one enclosing it commits exactly when this change does, so it stands for both.
    """
    savepoints = set(connection.savepoint_ids)
    if any(
        callback is _bump_content and scope <= savepoints for scope, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump_content)


def _model_saved(sender, **kwargs):
    if sender.__module__ == "__fake__":
        return  # a data migration's historical model: the clock's table may not exist yet
    meta = sender._meta
    if (
        meta.app_label in SHOWN_APPS
        and meta.label not in NOT_SHOWN
        and meta.db_table not in triggers.watched_tables()
    ):
        content_changed()


def connect() -> None:
    for name, signal in (("saved", post_save), ("deleted", post_delete), ("related", m2m_changed)):
        signal.connect(_model_saved, dispatch_uid=f"content-changed-{name}")
    post_init.connect(_instance_loaded, dispatch_uid="shows-versioned-rows")
    row_reused.connect(_instance_loaded, dispatch_uid="shows-reused-rows")
