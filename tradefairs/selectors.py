"""Reads of trade fairs: the public page sees listable products only; officers see why others went."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from catalogue.certification import listing_status, local_today
from catalogue.models import Product
from catalogue.selectors import certificates_with_decisions
from formats import local_date
from tradefairs.models import Exhibitor, FairListing, TradeFair


def fairs_public():
    return TradeFair.objects.all()


def _with_exhibitor_count(province: int | None = None):
    fairs = fairs_public().annotate(exhibitor_count=Count("exhibitors"))
    return fairs.filter(province_code=province) if province else fairs


def _coming(fairs, today):
    return fairs.filter(ends_on__gte=today).order_by("starts_on", "pk")


def fairs_by_time(province: int | None = None) -> tuple[list, list]:
    """Fairs under way or to come (soonest first), then past ones (latest first), with
    ``exhibitor_count``; of one province when ``province`` is given."""
    today = local_today()
    fairs = _with_exhibitor_count(province)
    return list(_coming(fairs, today)), list(fairs.filter(ends_on__lt=today).order_by("-ends_on", "pk"))


def upcoming_fairs(limit=3):
    """Fairs under way or still to come, soonest first (as the fair list shows them)."""
    return _coming(_with_exhibitor_count(), local_today())[:limit]


def exhibitors_with_public_listings(fair):
    """Exhibitors by booth, each with ``public_listings``: only products that pass the gate now."""
    listings = FairListing.objects.filter(
        product__in=Product.objects.browsable().values("pk")
    ).select_related("product")
    return (
        Exhibitor.objects.filter(fair=fair)
        .select_related("producer")
        .prefetch_related(Prefetch("listings", queryset=listings, to_attr="public_listings"))
        .order_by("booth", "pk")
    )


@dataclass(frozen=True)
class OfficerListing:
    listing: FairListing
    withdrawn: str  # "" while listable, else "withdrawn: expired/revoked on dd/mm/yyyy"


def officer_listings(fair) -> list[OfficerListing]:
    """Every listing of a fair, each with the reason it is withdrawn from the public page, if it is."""
    listings = (
        FairListing.objects.filter(exhibitor__fair=fair)
        .select_related("exhibitor__producer", "product__producer")
        .prefetch_related(certificates_with_decisions("product__"))
        .order_by("exhibitor__booth", "product__title", "pk")
    )
    return [OfficerListing(listing, withdrawn_reason(listing.product)) for listing in listings]


def withdrawn_reason(product) -> str:
    status = listing_status(product)
    if status.is_listable:
        return ""
    certificate = status.certificate
    if status.state == "expired":
        return _("Đã rút: hết hạn ngày %(date)s") % {"date": local_date(certificate.valid_until)}
    if status.state == "revoked":
        return _("Đã rút: bị thu hồi ngày %(date)s") % {"date": local_date(certificate.revoked_on)}
    return _("Đã rút: không còn đủ điều kiện")
