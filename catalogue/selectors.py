"""Reads of listable products shaped for the storefront's pages."""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Prefetch
from django.utils.translation import gettext as _

import places
from catalogue.certification import ListingStatus, certificate_status, listing_status, local_today
from catalogue.models import LIVE_STATUS_LABELS, Certificate, Product
from catalogue.signals import row_reused
from formats import local_date


def certificates_with_decisions(prefix: str = "") -> Prefetch:
    """Prefetch a product's certificates with their decisions (``prefix`` reaches it via a relation)."""
    return Prefetch(f"{prefix}certificates", queryset=Certificate.objects.select_related("decision"))


def products_with_certificates():
    """Any product (listable or not) with what the gate and its pages read, in constant queries."""
    return Product.objects.select_related("producer", "ocop_group", "product_class").prefetch_related(
        certificates_with_decisions()
    )


PRODUCT_ROWS_SECONDS = 15 * 60  # only bounds memory: a new version is a new key


def product_for_page(pk) -> Product:
    """The product with what its page judges it by (producer, certificates with their decisions),
    kept in the cache by its version, which moves with every one of them (pagecache.triggers):
    one small query instead of two larger ones. Raises Product.DoesNotExist.

    Its group, whose name moves no product version, is read when the page asks; its class (it
    picks Oscar's template: set up once, never edited in the shop) is kept with it.
    """
    version = Product.objects.filter(pk=pk).values_list("version", flat=True).first()
    if version is None:
        raise Product.DoesNotExist
    key = f"product-rows:{pk}:{version}"
    product = cache.get(key)
    if product is None:
        product = (
            Product.objects.select_related("producer", "product_class")
            .prefetch_related(certificates_with_decisions())
            .get(pk=pk)
        )
        cache.set(key, product, PRODUCT_ROWS_SECONDS)
    else:
        row_reused.send(sender=Product, instance=product)
    return product


def card_rows(*, gated_already: bool = False):
    """Listable products' own rows, newest first, for lists whose cards may come from the cache:
    what a card shows besides is read for the ones rendered (products_for_cards).

    ``gated_already``: the ids to be read passed the gate on the current rows (a search answer
    kept under the listing clock, which every input of the gate moves), so it is not asked again.
    """
    products = Product.objects.all() if gated_already else Product.objects.browsable()
    return products.order_by("-date_created", "-pk")


def card_keys(*, gated_already: bool = False):
    """Only what keys the products' cards in the cache (id and version): a list whose cards are
    kept reads nothing more (card_rows and the rest for the others: products_for_cards)."""
    return card_rows(gated_already=gated_already).only("id", "version")


def products_for_cards(*, gated_already: bool = False):
    """Listable products with everything a product card shows, in a constant number of queries."""
    return (
        card_rows(gated_already=gated_already)
        .select_related("producer", "ocop_group", "product_class")
        .prefetch_related(certificates_with_decisions(), "images", "stockrecords")
    )


@dataclass(frozen=True)
class CertificateHistoryEntry:
    """One certificate of a product with its live status on a given day."""

    certificate: Certificate
    status: str  # active | expired | revoked | superseded (certificate_status)
    status_label: str


def certificate_history(product, *, today: date | None = None) -> list[CertificateHistoryEntry]:
    """A product's certificates, newest first, each with its live status.

    Uses the prefetched ``certificates`` (with their decisions) when present, so a page that
    prefetched them runs no further query; the status comes from the gate's certificate_status.
    """
    day = today or local_today()
    certificates = sorted(
        product.certificates.all(),
        key=lambda c: (c.valid_from, c.decision.decision_date, c.pk),
        reverse=True,
    )
    entries = []
    for certificate in certificates:
        status = certificate_status(certificate, day)
        entries.append(CertificateHistoryEntry(certificate, status, str(LIVE_STATUS_LABELS[status])))
    return entries


def listing_status_message(listing: ListingStatus) -> str:
    """Say in one Vietnamese sentence why a product is (not) on sale, dates as dd/mm/yyyy.

    The 410 page and the staff banner on the product page show this text as is.
    """
    certificate = listing.certificate
    if listing.state == "expired":
        return _("Chứng nhận OCOP đã hết hạn ngày %(date)s.") % {"date": local_date(certificate.valid_until)}
    if listing.state == "revoked":
        message = _("Chứng nhận OCOP đã bị thu hồi ngày %(date)s theo quyết định số %(number)s.") % {
            "date": local_date(certificate.revoked_on),
            "number": certificate.revocation_decision_number,
        }
        if certificate.revocation_reason:
            reason = _("Lý do:")  # its own call: xgettext does not read calls inside f-strings
            message += f" {reason} {certificate.revocation_reason.rstrip('.')}."
        return message
    if listing.state == "superseded":
        return _("Chứng nhận OCOP này đã được thay thế và không còn hiệu lực.")
    if listing.state == "withdrawn":
        return _("Sản phẩm đã ngừng kinh doanh trên OCOP Market.")
    if listing.state == "not_certified":
        return _("Sản phẩm chưa có chứng nhận OCOP còn hiệu lực (3 sao trở lên).")
    return _("Sản phẩm đang được bán với chứng nhận OCOP còn hiệu lực.")


@dataclass(frozen=True)
class OwnProduct:
    """A producer's product as its workspace shows it: on sale or why not, days left, stock."""

    product: Product
    listing: ListingStatus
    message: str
    days_left: int | None  # until the current certificate lapses
    stock: object | None  # its Oscar stock record (price, units)


def producer_products(producers, *, today: date | None = None) -> list[OwnProduct]:
    """Every product of ``producers`` (listable or not), in a constant number of queries."""
    day = today or local_today()
    products = products_with_certificates().filter(producer__in=producers).prefetch_related("stockrecords")
    rows = []
    for product in products.order_by("title", "pk"):
        listing = listing_status(product, today=day)
        certificate = listing.certificate
        days_left = (certificate.valid_until - day).days if certificate and listing.is_listable else None
        stock = next(iter(product.stockrecords.all()), None)
        rows.append(OwnProduct(product, listing, listing_status_message(listing), days_left, stock))
    return rows


PROVINCES_CACHE_SECONDS = 600


def provinces_with_products() -> list[tuple[int, str]]:
    """(code, name) of provinces with listable products, by name, for "browse by province".

    Cached for a few minutes: a stale entry only leads to a list with fewer products.
    """

    def read():
        products = Product.objects.browsable().order_by()
        codes = products.values_list("origin_province_code", flat=True).distinct()
        return sorted(((code, places.province_name(code)) for code in codes if code), key=lambda p: p[1])

    return cache.get_or_set("catalogue:provinces-with-products", read, PROVINCES_CACHE_SECONDS)
