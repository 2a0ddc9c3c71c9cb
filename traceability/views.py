"""Public trace pages behind the GS1 Digital Link resolver and the short stamp URLs.

A known code always answers 200 with the live certification status, whatever it is; an unknown
code or a GTIN with a wrong check digit answers 404 with a page saying so.
"""


from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from access.rules import may_print_stamps
from catalogue.certification import listing_status
from catalogue.models import Product
from catalogue.selectors import certificates_with_decisions
from gs1 import links
from gs1.gtin import stored_forms
from gs1.qr import qr_png, qr_svg
from salespoints.selectors import sales_points_stocking
from traceability import epcis, resolver, snapshots
from traceability.models import Lot, RawMaterialArea, Stamp, TraceEvent
from traceability.services import scan_record
from traceability.sheets import stamp_sheet_pdf

# Lazy: translated per request into the visitor's language, not once at import.
NOT_GENUINE = _("Không tìm thấy mã này trong hệ thống OCOP Market: đây có thể không phải tem chính hãng.")
BAD_GTIN = _("Mã GTIN không hợp lệ (sai độ dài hoặc số kiểm tra): mã này không phải mã chính hãng.")

SALES_POINTS_SHOWN = 10
PRODUCT_RELATED = ("lot__product__producer", "lot__product__ocop_group")


def _not_found(request, message):
    return render(request, "traceability/not_found.html", {"message": message}, status=404)


def _read(product, lot=None) -> snapshots.TraceRows:
    """The rows a trace page shows, in a constant number of queries."""
    # Sales points of a listable product only: a trace page never sends people to buy one that
    # fails the gate.
    return snapshots.TraceRows(product, lot, list(sales_points_stocking(product)[:SALES_POINTS_SHOWN]))


def _render_trace(request, rows: snapshots.TraceRows, stamp=None) -> str:
    """The whole page through the gate; a stamp's counters go in later (snapshots.with_scan_status)."""
    product, lot = rows.product, rows.lot
    listing = listing_status(product)
    context = {
        "product": product,
        "lot": lot,
        "stamp": stamp,
        "listing": listing,
        "stars": listing.certificate.stars if listing.is_listable else None,
        "star_range": range(listing.certificate.stars if listing.is_listable else 0),
        # Lot and unit pages are many copies of one product: only the product's page is indexed,
        # and the shop's product page stands for it while the product is listed.
        "canonical_url": links.public_url(
            product.get_absolute_url() if listing.is_listable and lot is None else request.path
        ),
        "sales_points": rows.sales_points,
    }
    return render_to_string("traceability/trace.html", context, request=request)


def _respond(request, facts, read, stamp=None):
    """The page from the cache when its facts were read (else rendered afresh from ``read()``'s
    rows, themselves kept by the facts' versions), with live counters."""

    def render():
        return _render_trace(request, snapshots.rows(facts, read) if facts else read(), stamp)

    html = snapshots.page(request, facts, render) if facts else render()
    response = HttpResponse(snapshots.with_scan_status(html, stamp))
    response["Link"] = resolver.link_header(links.public_url(request.path))
    return response


def _resolve(request, product, lot=None, stamp=None):
    """The resolver's answer for an item: its linkset, or a 307 to the link type asked for."""
    path = links.stamp_trace_path(stamp) if stamp else links.lot_trace_path(lot) if lot else None
    anchor = links.public_url(path or links.product_trace_path(product))
    item = resolver.item_links(anchor, product, lot)
    asked = request.GET.get("linkType", resolver.ALL)
    link_type = resolver.link_type_name(asked)
    if link_type == resolver.ALL:
        response = JsonResponse(resolver.linkset(anchor, item), content_type=resolver.LINKSET_TYPE)
    elif link_type is None:
        detail = _("Loại liên kết không hợp lệ: %(type)s") % {"type": asked}
        response = JsonResponse({"detail": detail}, status=400)
    elif (href := resolver.target(item, link_type)) is None:
        detail = _("Sản phẩm này không có liên kết %(type)s.") % {"type": asked}
        response = JsonResponse({"detail": detail}, status=404)
    else:
        response = HttpResponseRedirect(href, status=307)
    response["Access-Control-Allow-Origin"] = "*"  # GS1 resolvers answer any web page's script
    response["Vary"] = "Accept"
    return response


@never_cache  # the status must be live, and every check of a stamp is counted
@transaction.non_atomic_requests  # reads only, and the scan write is atomic by itself
def trace_product(request, gtin=None, code=None):
    try:
        gtins, code = resolver.codes(gtin, code)
    except ValidationError:
        return _not_found(request, BAD_GTIN)
    facts = snapshots.product_facts(gtins, code)
    if facts:
        product_id = facts.product_id
    else:  # unknown, or a GTIN on several products (the first is shown, uncached)
        product_id = resolver.products_named(gtins, code).order_by("pk").values_list("pk", flat=True).first()
        if product_id is None:
            return _not_found(request, NOT_GENUINE)

    def load():
        return (
            Product.objects.select_related("producer", "ocop_group")
            .prefetch_related(certificates_with_decisions())
            .get(pk=product_id)
        )

    if resolver.asks_for_links(request):
        return _resolve(request, load())
    return _respond(request, facts, lambda: _read(load()))


def _lot(products, lot_code):
    return (
        Lot.objects.filter(product__in=products, code=lot_code)
        .select_related("product__producer", "product__ocop_group")
        .prefetch_related(certificates_with_decisions("product__"), "areas__standards", "events")
        .first()
    )


@never_cache
@transaction.non_atomic_requests  # reads only, and the scan write is atomic by itself
def trace_lot(request, lot_code, gtin=None, code=None):
    try:
        gtins, code = resolver.codes(gtin, code)
    except ValidationError:
        return _not_found(request, BAD_GTIN)
    facts = snapshots.product_facts(gtins, code, lot_code=lot_code)
    lot = None if facts else _lot(resolver.products_named(gtins, code), lot_code)
    if facts is None and lot is None:
        return _not_found(request, NOT_GENUINE)

    def load():
        return lot or _lot(Product.objects.filter(pk=facts.product_id), lot_code)

    if resolver.asks_for_links(request):
        shown = load()
        return _resolve(request, shown.product, shown)

    def read():
        shown = load()
        return _read(shown.product, shown)

    return _respond(request, facts, read)


def _printed_link_matches(gtin, lot_code, stamp_gtin, stamp_lot_code) -> bool:
    return stamp_gtin in stored_forms(gtin) and stamp_lot_code == lot_code


def _legacy_stamp(request, serial, gtin, lot_code):
    """A stamp printed with a serial longer than GS1 allows: sent on to its valid URL for good."""
    stamp = Stamp.objects.filter(legacy_serial=serial).select_related("lot__product").first()
    if stamp is None:
        return _not_found(request, NOT_GENUINE)
    if gtin is not None:
        try:
            if not _printed_link_matches(gtin, lot_code, stamp.lot.product.gtin, stamp.lot.code):
                return _not_found(request, NOT_GENUINE)
        except ValidationError:
            return _not_found(request, BAD_GTIN)
    return HttpResponsePermanentRedirect(links.stamp_trace_path(stamp))


@never_cache
@transaction.non_atomic_requests  # reads only, and the scan write is atomic by itself
def trace_stamp(request, serial, gtin=None, lot_code=None):
    facts = snapshots.stamp_facts(serial)
    if facts is None:
        return _legacy_stamp(request, serial, gtin, lot_code)
    if gtin is not None:  # the printed link must match the stamp's own product and lot
        try:
            matches = _printed_link_matches(gtin, lot_code, facts.gtin, facts.lot_code)
        except ValidationError:
            return _not_found(request, BAD_GTIN)
        if not matches:
            return _not_found(request, NOT_GENUINE)
    stamp = facts.stamp

    def load():
        return (
            Stamp.objects.select_related(*PRODUCT_RELATED)
            .prefetch_related(certificates_with_decisions("lot__product__"))
            .get(pk=stamp.pk)
        )

    if resolver.asks_for_links(request):  # a machine asking for links, not a check of the item: not counted
        loaded = load()
        return _resolve(request, loaded.lot.product, loaded.lot, loaded)
    scan_record(stamp=stamp, request=request)

    def read():  # the lot's rows: its stamps' pages share them with it (snapshots.rows)
        lot = _lot(Product.objects.filter(pk=facts.product_id), facts.lot_code)
        return _read(lot.product, lot)

    return _respond(request, facts, read, stamp)


QR_RENDERERS = {"png": (qr_png, "image/png"), "svg": (qr_svg, "image/svg+xml")}


def _qr_response(url, fmt):
    render_qr, content_type = QR_RENDERERS[fmt]
    response = HttpResponse(render_qr(url), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def product_qr(request, code, fmt):
    product = Product.objects.filter(upc=code).only("upc", "gtin").first()
    if product is None:
        raise Http404
    return _qr_response(links.public_url(links.product_trace_path(product)), fmt)


def lot_qr(request, code, lot_code, fmt):
    lot = Lot.objects.filter(product__upc=code, code=lot_code).select_related("product").first()
    if lot is None:
        raise Http404
    return _qr_response(links.public_url(links.lot_trace_path(lot)), fmt)


def stamp_qr(request, serial, fmt):
    stamp = Stamp.objects.filter(serial=serial).select_related("lot__product").first()
    if stamp is None:
        raise Http404
    return _qr_response(links.public_url(links.stamp_trace_path(stamp)), fmt)


def stamp_sheet(request, code, lot_code):
    """The lot's unit stamps as a printable A4 PDF, for its producer's users and superusers only."""
    lots = Lot.objects.filter(product__upc=code, code=lot_code)
    lot = lots.select_related("product__producer__partner").first()
    if lot is None or not may_print_stamps(request.user, lot.product):
        raise Http404  # same answer whether the lot exists or not: no probing other producers' lots
    stamps = list(lot.stamps.order_by("pk").select_related("lot__product"))
    listing = listing_status(lot.product)
    pdf = stamp_sheet_pdf(
        stamps, title=lot.product.title, stars=listing.certificate.stars if listing.is_listable else None
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="tem-{lot.product.upc}-{lot.code}.pdf"'
    return response


def resolver_description(request):
    response = JsonResponse(resolver.resolver_description())
    response["Access-Control-Allow-Origin"] = "*"
    return response


def area(request, pk):
    """A raw-material area's public page: also its location identifier in EPCIS events."""
    shown = get_object_or_404(
        RawMaterialArea.objects.select_related("producer").prefetch_related("standards"), pk=pk
    )
    return render(request, "traceability/area.html", {"area": shown})


def ocop_namespace(request):
    """What our own EPCIS terms (ocop:…) mean: the namespace IRI resolves to this page."""
    processing = epcis.BIZ_STEPS[TraceEvent.Step.PROCESSING]
    return render(request, "traceability/namespace.html", {"processing": processing})


def lot_epcis(request, code, lot_code):
    lot = Lot.objects.filter(product__upc=code, code=lot_code).select_related("product").first()
    if lot is None:
        raise Http404
    return JsonResponse(epcis.lot_epcis_document(lot), content_type="application/ld+json")
