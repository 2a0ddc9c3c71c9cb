"""Whole trace pages served from the cache while nothing they show has changed.

A scan at a sales point must answer fast on a weak connection, and most scans hit the same few
products. Each request still reads, in one query, everything the listing gate decides on (the
product's switch, its producer's, every certificate's status, stars, dates and revocation) and,
for a stamp, its scan counters. Those facts, today's date, the language, the page's content
version and the minute form the cache key: a revocation, an expiry at midnight or a switched-off
producer lands on a key never rendered before, so the page is rendered afresh through the gate
(catalogue.certification); nothing here decides listability itself. The stamp's own counters
and copy warning are not cached: they are spliced into the page on every request.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

from catalogue.certification import local_today
from traceability import fragments
from traceability.models import Stamp
from traceability.services import is_suspicious

SCAN_STATUS_MARKER = "<!--scan-status-->"
PAGE_SECONDS = 60  # also how long a page's sales points may lag their stock
GATE_FIELDS = (
    "is_public", "producer__is_active", "certificates__id", "certificates__status", "certificates__stars",
    "certificates__valid_from", "certificates__valid_until", "certificates__revoked_on",
    "certificates__revocation_decision_number", "certificates__revocation_reason",
)
STAMP_FIELDS = ("pk", "lot_id", "lot__code", "first_scanned_at", "scan_count", "client_count")


@dataclass(frozen=True)
class PageFacts:
    product_id: int
    gtin: str
    gate: tuple  # the gate's inputs, as read now
    stamp: Stamp | None = None
    lot_code: str = ""


def _gate_rows(products):
    return products.values_list("pk", "gtin", *GATE_FIELDS).order_by("pk", "certificates__id")


def _facts(rows, **extra) -> PageFacts | None:
    rows = list(rows)
    if not rows or len({row[0] for row in rows}) != 1:
        return None  # unknown, or a code shared by several products: the full path decides
    return PageFacts(product_id=rows[0][0], gtin=rows[0][1], gate=tuple(row[2:] for row in rows), **extra)


def product_facts(products) -> PageFacts | None:
    return _facts(_gate_rows(products))


def stamp_facts(serial: str) -> PageFacts | None:
    """The stamp's counters and its product's gate inputs, in one query."""
    prefix = "lot__product__"
    rows = list(
        Stamp.objects.filter(serial=serial)
        .values_list(*STAMP_FIELDS, f"{prefix}pk", f"{prefix}gtin", *(prefix + name for name in GATE_FIELDS))
        .order_by(f"{prefix}certificates__id")
    )
    if not rows:
        return None
    pk, lot_id, lot_code, first_scanned_at, scan_count, client_count = rows[0][: len(STAMP_FIELDS)]
    stamp = Stamp(pk=pk, lot_id=lot_id, serial=serial, first_scanned_at=first_scanned_at,
                  scan_count=scan_count, client_count=client_count)
    return _facts((row[len(STAMP_FIELDS):] for row in rows), stamp=stamp, lot_code=lot_code)


def _key(request, facts: PageFacts) -> str:
    minute = int(time.time() // PAGE_SECONDS)
    parts = (request.path, get_language(), local_today(), fragments.content_version(), minute, facts.gate)
    return "trace-page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def page(request, facts: PageFacts, render) -> str:
    """The page for ``facts`` from the cache, else ``render()`` (the full path) and keep it."""
    key = _key(request, facts)
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, PAGE_SECONDS)
    return html


def with_scan_status(html: str, stamp: Stamp | None) -> str:
    """Splice the stamp's live counters and copy warning into a (cached) page."""
    if stamp is None:
        return html.replace(SCAN_STATUS_MARKER, "")
    status = render_to_string(
        "traceability/includes/scan_status.html", {"stamp": stamp, "suspicious": is_suspicious(stamp)}
    )
    return html.replace(SCAN_STATUS_MARKER, status)

