"""Which version of the site's content a cached page shows, and when that version moves on.

Public pages are cached whole (pagecache.middleware, traceability.snapshots) under a key that
holds the page version, the day (a certificate expires at midnight, Vietnam time) and the
language. Every change a page may show bumps the version, so the next request renders afresh:
- the listing gate's tables (products, producers, certificates, decisions) by database triggers
  in the writing transaction (migration storefront 0006), which no bulk update escapes;
- everything else shown (stock, prices, sales points, fairs, lots, pages, images) by the model
  signals below, once per transaction and after it commits, so a page rendered from the old
  rows is only ever stored under the old version.
"""

import hashlib

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from catalogue.certification import local_today

VERSION_SQL = "SELECT value FROM storefront_pageversion WHERE id = 1"
BUMP_SQL = (
    "INSERT INTO storefront_pageversion (id, value) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET value = storefront_pageversion.value + 1"
)
SHOWN_APPS = {
    "catalogue", "partner", "salespoints", "tradefairs", "traceability", "storefront", "wagtailcore",
    "wagtailimages", "offer", "reviews",
}
NOT_SHOWN = {
    "traceability.Scan", "traceability.Stamp",  # a stamp's counters are filled in on every request
    "wagtailimages.Rendition",  # made while rendering: bumping would undo the cache it fills
    "storefront.PageVersion", "access.TradeOfficer", "partner.StockAlert",
}


def page_version() -> int:
    """The current version, read from the database: one tiny query, never a stale copy."""
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL)
        row = cursor.fetchone()
    return row[0] if row else 0


def page_key(prefix: str, path: str, version: int) -> str:
    parts = (path, get_language(), local_today(), version)
    return f"{prefix}:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _bump() -> None:
    with connection.cursor() as cursor:
        cursor.execute(BUMP_SQL)


def pages_changed() -> None:
    """Bump the version once the current transaction commits (at once outside one).

    Once per transaction, however many rows it writes: a 1,000-row import otherwise ended in
    thousands of bumps, each its own commit. A bump already waiting in this savepoint or one
    enclosing it commits exactly when this change does, so it stands for both.
    """
    savepoints = set(connection.savepoint_ids)
    if any(callback is _bump and scope <= savepoints for scope, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(_bump)


def _model_saved(sender, **kwargs):
    if sender.__module__ == "__fake__":
        return  # a data migration's historical model: the counter's table may not exist yet
    meta = sender._meta
    if meta.app_label in SHOWN_APPS and meta.label not in NOT_SHOWN:
        pages_changed()


def connect() -> None:
    for name, signal in (("saved", post_save), ("deleted", post_delete), ("related", m2m_changed)):
        signal.connect(_model_saved, dispatch_uid=f"pages-changed-{name}")
