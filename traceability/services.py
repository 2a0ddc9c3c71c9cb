"""Writes of the traceability app: lots, stamps and scans."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from traceability.models import Lot, Scan, Stamp

SERIAL_BYTES = 16  # 128 random bits: unguessable, 22 URL-safe characters
STAMP_BATCH = 2000


def lot_create(*, product, code, produced_on, expires_on=None, quantity=0, areas=()) -> Lot:
    lot = Lot(product=product, code=code, produced_on=produced_on, expires_on=expires_on, quantity=quantity)
    lot.full_clean()
    with transaction.atomic():
        lot.save()
        lot.areas.set(areas)
    return lot


def new_serial() -> str:
    return secrets.token_urlsafe(SERIAL_BYTES)


def stamps_generate(*, lot, count: int) -> list[Stamp]:
    """Create `count` unit stamps with random serials for a lot (bulk insert)."""
    if count < 1:
        raise ValueError("count must be positive")
    stamps = [Stamp(lot=lot, serial=new_serial()) for _ in range(count)]
    Stamp.objects.bulk_create(stamps, batch_size=STAMP_BATCH)
    return stamps


def client_fingerprint(request) -> str:
    """A keyed hash of address and browser: enough to tell scanners apart, not to identify anyone."""
    raw = f"{request.META.get('REMOTE_ADDR', '')}|{request.META.get('HTTP_USER_AGENT', '')[:200]}"
    return hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()[:16]


def scan_record(*, stamp, request) -> bool:
    """Log a check of a stamp's page, at most once a minute per client; return whether it was logged."""
    client = client_fingerprint(request)
    if not cache.add(f"scan:{stamp.serial}:{client}", 1, timeout=settings.SCAN_RATE_LIMIT_SECONDS):
        return False
    new_client = cache.add(f"scan-client:{stamp.serial}:{client}", 1, timeout=None)
    now = timezone.now()
    with transaction.atomic():
        Scan.objects.create(stamp=stamp, client=client)
        Stamp.objects.filter(pk=stamp.pk).update(
            scan_count=F("scan_count") + 1,
            client_count=F("client_count") + int(new_client),
            first_scanned_at=Coalesce(F("first_scanned_at"), now),
        )
    stamp.scan_count += 1
    stamp.client_count += int(new_client)
    stamp.first_scanned_at = stamp.first_scanned_at or now
    return True


def suspicious_q() -> Q:
    """Stamps checked more often, or by more clients, than a genuine item plausibly is."""
    return Q(scan_count__gt=settings.SCAN_WARNING_COUNT) | Q(client_count__gt=settings.SCAN_WARNING_CLIENTS)


def is_suspicious(stamp) -> bool:
    """Python form of :func:`suspicious_q`, for the stamp being shown."""
    return (
        stamp.scan_count > settings.SCAN_WARNING_COUNT or stamp.client_count > settings.SCAN_WARNING_CLIENTS
    )
