"""Writes of the traceability app: lots, stamps and scans."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from access.notices import STAMP_SHEETS, tell
from gs1.keys import new_serial
from pagecache.redis import default_cache_reachable
from traceability.models import Lot, Scan, Stamp

STAMP_BATCH = 2000


def lot_create(*, product, code, produced_on, expires_on=None, quantity=0, areas=()) -> Lot:
    lot = Lot(product=product, code=code, produced_on=produced_on, expires_on=expires_on, quantity=quantity)
    lot.full_clean()
    with transaction.atomic():
        lot.save()
        lot.areas.set(areas)
    return lot


def stamps_generate(*, lot, count: int) -> list[Stamp]:
    """Create `count` unit stamps with random serials for a lot (bulk insert)."""
    if count < 1:
        raise ValueError("count must be positive")
    stamps = [Stamp(lot=lot, serial=new_serial()) for _ in range(count)]
    Stamp.objects.bulk_create(stamps, batch_size=STAMP_BATCH)
    return stamps


@task()
def notify_stamp_sheet(lot_id: int, count: int) -> int:
    """Tell the producer's people that a lot's stamps are made, with the sheet to print."""
    lot = Lot.objects.select_related("product__producer__partner").get(pk=lot_id)
    path = reverse("stamp-sheet", kwargs={"code": lot.product.upc, "lot_code": lot.code})
    context = {"lot": lot, "count": count, "sheet_url": settings.PUBLIC_BASE_URL + path}
    readers = lot.product.producer.partner.users.all()
    return tell(readers, STAMP_SHEETS, "traceability/email/stamp_sheet", context)


def client_fingerprint(request) -> str:
    """A keyed hash of address and browser: enough to tell scanners apart, not to identify anyone."""
    raw = f"{request.META.get('REMOTE_ADDR', '')}|{request.META.get('HTTP_USER_AGENT', '')[:200]}"
    return hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()[:16]


def scan_record(*, stamp, request) -> bool:
    """Log a check of a stamp's page, at most once per client and rate-limit window; return whether logged.

    The rate limit lives in the cache (cheap, shared by workers when Redis is configured); the
    number of distinct clients is recounted from the log inside the same UPDATE, so it stays right
    whatever the cache forgets and costs no extra read.
    """
    client = client_fingerprint(request)
    claimed = cache.add(f"scan:{stamp.serial}:{client}", 1, timeout=settings.SCAN_RATE_LIMIT_SECONDS)
    if not claimed and default_cache_reachable():
        return False  # this client checked within the window
    # Claimed, or the cache is down: count it (without the rate limit, rather than lose checks).
    now = timezone.now()
    distinct_clients = (
        Scan.objects.filter(stamp=OuterRef("pk")).values("stamp").annotate(n=Count("client", distinct=True))
    )
    with transaction.atomic(savepoint=False):  # inside a request's transaction, no extra SAVEPOINT
        Scan.objects.create(stamp=stamp, client=client)
        Stamp.objects.filter(pk=stamp.pk).update(
            scan_count=F("scan_count") + 1,
            client_count=Subquery(distinct_clients.values("n")),
            first_scanned_at=Coalesce(F("first_scanned_at"), now),
        )
    # The page shows the totals including this scan; the client count may lag by this one client.
    stamp.scan_count += 1
    stamp.first_scanned_at = stamp.first_scanned_at or now
    return True


def suspicious_q(prefix: str = "") -> Q:
    """Stamps checked more often, or by more clients, than a genuine item plausibly is (``prefix``
    reaches the stamp through a relation, e.g. "stamps__")."""
    return (Q(**{f"{prefix}scan_count__gt": settings.SCAN_WARNING_COUNT})
            | Q(**{f"{prefix}client_count__gt": settings.SCAN_WARNING_CLIENTS}))


def lots_with_scans(lots):
    """Lots with their stamps' count, total scans and how many stamps look copied, in one query."""
    return lots.select_related("product").annotate(
        stamp_count=Count("stamps", distinct=True),
        scan_total=Coalesce(Sum("stamps__scan_count"), 0),
        flagged_count=Count("stamps", filter=suspicious_q("stamps__"), distinct=True),
    )


def is_suspicious(stamp) -> bool:
    """Python form of :func:`suspicious_q`, for the stamp being shown."""
    return (
        stamp.scan_count > settings.SCAN_WARNING_COUNT or stamp.client_count > settings.SCAN_WARNING_CLIENTS
    )
