"""The trace page's fixed parts are cached as rendered HTML; the certification status never is.

A lot's raw-material areas and event timeline change rarely and are cached until any of them
changes (a version bumped by traceability.receivers). Where to buy follows stock and is cached
for a minute, and only ever shown while the product passes the live gate. With both cached a
stamp check reads the stamp and the certificates, and writes the scan.
"""

import time

from django.core.cache import cache

VERSION_KEY = "trace:content-version"
LOT_SECONDS = 24 * 3600
SALES_POINTS_SECONDS = 60


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns(), timeout=None)


def content_changed(**kwargs) -> None:
    """Every cached lot fragment goes stale (a new, never-used version; eviction-safe)."""
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
