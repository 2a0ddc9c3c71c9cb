"""Whole trace pages served from the cache while nothing they show has changed.

A scan at a sales point must answer fast on a weak connection, and most scans hit the same few
products. Each request reads, in one query, the code's product (for a stamp, also its lot and
scan counters) with the versions of what the page shows (pagecache.freshness): the product's
(its certificates, producer, stock, sales points and areas move it), the lot's (its events and
areas) and the editorial clock. A change to any of them, a revocation above all, or a new day (an
expiry at midnight) gives a new cache key, so such a page is rendered afresh through the gate
(catalogue.certification); a stock save on another product leaves this page cached.
Nothing here decides listability. The stamp's own counters and copy warning are not cached:
they are spliced into the page on every request.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from formats import vn_date
from pagecache import freshness
from pagecache.middleware import HIT, MISS, PAGE_SECONDS
from traceability.models import Stamp
from traceability.services import is_suspicious

SCAN_STATUS_MARKER = "<!--scan-status-->"


@dataclass(frozen=True)
class PageFacts:
    product_id: int
    gtin: str
    versions: tuple
    stamp: Stamp | None = None
    lot_code: str = ""


# By hand: the ORM took longer to build these than the database took to answer them. They are
# built from constants only, hence the noqa.
PRODUCT_FACTS_SQL = (
    f"SELECT p.id, p.gtin, p.version, 0, ({freshness.CONTENT_CLOCK_SQL}) FROM catalogue_product p "  # noqa: S608  # nosec B608
    "WHERE p.gtin IN (%s, %s, %s, %s) OR p.upc = %s LIMIT 2"
)
LOT_FACTS_SQL = (
    f"SELECT DISTINCT p.id, p.gtin, p.version, l.version, ({freshness.CONTENT_CLOCK_SQL}) "  # noqa: S608  # nosec B608
    "FROM catalogue_product p JOIN traceability_lot l ON l.product_id = p.id "
    "WHERE (p.gtin IN (%s, %s, %s, %s) OR p.upc = %s) AND l.code = %s LIMIT 2"
)
GTIN_FORMS = 4  # GTIN-8, -12, -13 and -14


def _fetchall(sql: str, params: list) -> list[tuple]:
    """Rows of ``sql``, as a plain statement: a connection pooler in transaction mode (PgBouncer)
    hands each transaction another server connection, where a statement PREPAREd on the last one
    does not exist."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def product_facts(gtins, code, *, lot_code=None) -> PageFacts | None:
    """The product with one of these stored GTIN forms, or this code (and the lot), and their versions."""
    params = [*gtins, *[None] * (GTIN_FORMS - len(gtins)), code]  # None never matches
    if lot_code is None:
        rows = _fetchall(PRODUCT_FACTS_SQL, params)
    else:
        rows = _fetchall(LOT_FACTS_SQL, [*params, lot_code])
    if len(rows) != 1:
        return None  # unknown, or a code shared by several products: the full path decides
    product_id, gtin, *versions = rows[0]
    return PageFacts(product_id, gtin, tuple(versions), lot_code=lot_code or "")


STAMP_FACTS_SQL = (
    "SELECT p.version, l.version, "  # noqa: S608  # nosec B608
    f"({freshness.CONTENT_CLOCK_SQL}), s.id, s.lot_id, l.code, s.first_scanned_at, s.scan_count, "
    "s.client_count, l.product_id, p.gtin FROM traceability_stamp s "
    "JOIN traceability_lot l ON l.id = s.lot_id JOIN catalogue_product p ON p.id = l.product_id "
    "WHERE s.serial = %s"
)


def _from_db(field_name, value):
    """Apply the backend's converters (SQLite returns datetimes as text)."""
    column = Stamp._meta.get_field(field_name).get_col(Stamp._meta.db_table)
    for convert in connection.ops.get_db_converters(column):
        value = convert(value, column, connection)
    return value


def stamp_facts(serial: str) -> PageFacts | None:
    """The stamp's counters, its lot and product, and their versions, in one query."""
    rows = _fetchall(STAMP_FACTS_SQL, [serial])
    if not rows:
        return None
    product_version, lot_version, content, pk, lot_id, lot_code, *counters, product_id, gtin = rows[0]
    first_scanned_at, scan_count, client_count = counters
    stamp = Stamp(
        pk=pk, lot_id=lot_id, serial=serial, first_scanned_at=_from_db("first_scanned_at", first_scanned_at),
        scan_count=scan_count, client_count=client_count,
    )
    versions = (product_version, lot_version, content)
    return PageFacts(product_id, gtin, versions, stamp=stamp, lot_code=lot_code)


@dataclass(frozen=True)
class TraceRows:
    """What a trace page shows: the product (producer, group, certificates with their decisions),
    the lot (areas with their standards, events) and the sales points stocking it."""

    product: object
    lot: object | None
    sales_points: list


def rows(facts: PageFacts, read) -> TraceRows:
    """``read()``'s rows, kept by the versions ``facts`` carry: any write to what they hold moves
    one of them, so a new version reads them afresh. Below the whole page: a page rendered again
    (another stamp of the lot, another language, a new day) reads no row. Validity is judged
    when the page is rendered, on that day."""
    shown = (facts.product_id, facts.lot_code, facts.versions)
    key = "trace-rows:" + hashlib.sha256(repr(shown).encode()).hexdigest()
    return cache.get_or_set(key, read, PAGE_SECONDS)


def page(request, facts: PageFacts, render) -> str:
    """The page for ``facts`` from the cache, else ``render()`` (the full path) and keep it."""
    if not settings.PAGE_CACHE:
        return render()
    key = freshness.page_key("trace-page", request.path, *facts.versions)
    html = cache.get(key)
    request.page_cache = MISS if html is None else HIT  # told in X-Cache (pagecache.middleware)
    if html is None:
        html = render()
        cache.set(key, html, PAGE_SECONDS)
    return html


def scan_status(stamp: Stamp) -> str:
    """The stamp's counters and copy warning, as HTML (formatted here: a template took longer)."""
    html = ""
    if stamp.first_scanned_at:
        counted = ngettext(
            "Mã này được kiểm tra lần đầu ngày %(date)s, %(counter)s lần đến nay.",
            "Mã này được kiểm tra lần đầu ngày %(date)s, %(counter)s lần đến nay.",
            stamp.scan_count,
        ) % {"date": vn_date(stamp.first_scanned_at), "counter": stamp.scan_count}
        html = format_html("<p><small>{}</small></p>", counted)
    if is_suspicious(stamp):
        warning = gettext(
            "mã này đã được quét rất nhiều lần hoặc từ nhiều nơi khác nhau, có thể đã bị sao chép. "
            "Hãy kiểm tra kỹ tem và bao bì."
        )
        html += format_html(
            '<div class="warn" role="alert"><strong>{}</strong> {}</div>', gettext("Cảnh báo:"), warning
        )
    return html


def with_scan_status(html: str, stamp: Stamp | None) -> str:
    """Splice the stamp's live counters and copy warning into a (cached) page."""
    return html.replace(SCAN_STATUS_MARKER, scan_status(stamp) if stamp else "")
