"""The OCOP listing gate: the one definition of "may be shown or sold on date D".

A product is listable on D when (Decisions 148/QĐ-TTg and 1489/QĐ-TTg):
- its producer has switched it on (Oscar's ``is_public``) and the producer is active;
- it holds a certificate that is active (not revoked, not superseded), rated 3★ or more,
  with valid_from <= D <= valid_until (36 months from the decision by default).

Validity is computed from dates at query time, so an expiry takes effect with no scheduled
job and a revocation on the next request. Both forms below state the same rule; a test table
checks that they agree. Every place that shows or sells a product goes through them.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

MIN_LISTABLE_STARS = 3


def local_today() -> date:
    """Today in Asia/Ho_Chi_Minh: certificates are valid by Vietnamese calendar dates."""
    return timezone.localdate()


def certificate_valid_on_q(day: date, prefix: str = "") -> Q:
    """SQL form of a certificate's validity on ``day``."""
    from catalogue.models import Certificate

    return Q(
        **{
            f"{prefix}status": Certificate.Status.ACTIVE,
            f"{prefix}stars__gte": MIN_LISTABLE_STARS,
            f"{prefix}valid_from__lte": day,
            f"{prefix}valid_until__gte": day,
        }
    )


def certificate_is_valid_on(certificate, day: date) -> bool:
    """Python form of :func:`certificate_valid_on_q`."""
    return (
        certificate.status == certificate.Status.ACTIVE
        and certificate.stars >= MIN_LISTABLE_STARS
        and certificate.valid_from <= day <= certificate.valid_until
    )


def certificate_status(certificate, day: date | None = None) -> str:
    """The live status shown to people: active, expired, revoked or superseded.

    "expired" is never stored: an active certificate past its valid_until is expired by date.
    """
    day = day or local_today()
    if certificate.status != certificate.Status.ACTIVE:
        return certificate.status
    return "expired" if certificate.valid_until < day else "active"


def listable_q(day: date | None = None) -> Q:
    """SQL form of the gate, for Product querysets (Exists, so rows never duplicate)."""
    from catalogue.models import Certificate

    day = day or local_today()
    valid_certificates = Certificate.objects.filter(
        certificate_valid_on_q(day), product=OuterRef("pk")
    )
    return Q(is_public=True, producer__is_active=True) & Q(Exists(valid_certificates))


def is_offered(product) -> bool:
    """The producer's half of the gate: the product is switched on and its producer active."""
    producer = product.producer
    return product.is_public and producer is not None and producer.is_active


def is_listable(product, *, today: date | None = None) -> bool:
    """Python form of the gate, for one product (uses prefetched certificates when present)."""
    day = today or local_today()
    return is_offered(product) and any(certificate_is_valid_on(c, day) for c in product.certificates.all())


@dataclass(frozen=True)
class ListingStatus:
    """Why a product is or is not listable today, for pages that must say so."""

    state: str  # listable | expired | revoked | superseded | not_certified | withdrawn
    certificate: object | None = None

    @property
    def is_listable(self) -> bool:
        return self.state == "listable"


def listing_status(product, *, today: date | None = None) -> ListingStatus:
    """Explain the gate's verdict on one product, using its newest certificate."""
    day = today or local_today()
    if is_listable(product, today=day):
        return ListingStatus("listable", product.current_certificate(day))
    if not is_offered(product):
        return ListingStatus("withdrawn", product.current_certificate(day))
    certificate = product.current_certificate(day)
    if certificate is None:
        return ListingStatus("not_certified")
    state = certificate_status(certificate, day)
    if state == "active":  # active but under 3 stars, or not valid yet
        return ListingStatus("not_certified", certificate)
    return ListingStatus(state, certificate)
