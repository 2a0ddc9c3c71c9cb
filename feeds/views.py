"""Product feeds for shopping channels, made from the listing gate on request.

Each feed is cached under the version of the whole catalogue (pagecache.freshness.whole_catalogue),
so a revocation, a change of stock or an expiry is gone on the next fetch; it carries an ETag and
the newest item's Last-Modified, answers 304 to a channel that already has it, and is gzipped once,
when made, for those that accept it (a 20,000-product feed is tens of megabytes: compressing it
on every request took 0.2-0.5 s).
"""

import gzip
import hashlib
import re

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from oscar.core.loading import get_model

from access.rules import own_producers
from catalogue.models import Producer
from catalogue.selectors import products_for_cards
from feeds import opendata
from feeds.channels import google_feed, listing_sheet, meta_feed
from feeds.items import feed_items
from pagecache import freshness

ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

FEED_SECONDS = 60 * 60  # only bounds memory: a change never waits for it
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _from_items(build, products=None):
    """A feed made of the listable products' feed items, modified when the newest of them was."""

    def make():
        items = feed_items(products)
        return build(items), max((item.updated.timestamp() for item in items), default=None)

    return make


def _feed_response(request, make, content_type, *, filename=None):
    """``make()`` → (body, last-modified timestamp or None), cached under the catalogue's version."""
    key = freshness.page_key("feed", request.path, freshness.whole_catalogue())
    entry = cache.get(key)
    if entry is None:
        body, last_modified = make()
        digest = hashlib.sha256(body).hexdigest()[:32]
        entry = (body, gzip.compress(body, compresslevel=6), last_modified, digest)
        cache.set(key, entry, FEED_SECONDS)
    body, gzipped, last_modified, digest = entry
    compressed = bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
    # One tag per representation: the gzipped bytes are another entity than the plain ones.
    etag = f'"{digest}{"-gzip" if compressed else ""}"'
    if not_modified := get_conditional_response(request, etag=etag, last_modified=last_modified):
        return not_modified
    response = HttpResponse(gzipped if compressed else body, content_type=content_type)
    if compressed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"  # a channel asks again each time: revocations show at once
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def google(request):
    return _feed_response(request, _from_items(google_feed), "application/rss+xml; charset=utf-8")


@require_safe
def meta(request):
    return _feed_response(request, _from_items(meta_feed), "text/csv; charset=utf-8")


def marketplace_sheets(request):
    """/cms/: a producer's users download their own products' sheets for marketplaces."""
    producers = own_producers(request.user, Producer.objects.filter(is_active=True)).order_by("name")
    return TemplateResponse(request, "feeds/admin/marketplace_sheets.html", {"producers": producers})


@require_safe
def producer_listing(request, slug, fmt):
    """A producer's listable products as a sheet shaped for manual upload to a marketplace."""
    producer = get_object_or_404(Producer, slug=slug, is_active=True)

    def build(items):
        weights = ProductAttributeValue.objects.filter(product__producer=producer, attribute__code="weight")
        rows = weights.values_list("product__upc", "value_float")
        grams = {code: f"{value:g}" for code, value in rows if value}
        return listing_sheet(items, grams, fmt)

    content_type = "text/csv; charset=utf-8" if fmt == "csv" else XLSX
    products = products_for_cards().filter(producer=producer)
    return _feed_response(
        request, _from_items(build, products), content_type, filename=f"ocop-{producer.slug}.{fmt}"
    )


REGISTER_FORMATS = {
    "csv": (opendata.register_csv, "text/csv; charset=utf-8"),
    "json": (opendata.register_json, "application/json"),
}


@require_safe
def register(request, fmt):
    """Open data: the register of listable OCOP products."""
    write, content_type = REGISTER_FORMATS[fmt]
    return _feed_response(request, lambda: (write(opendata.register_rows()), None), content_type)


@require_safe
def decisions(request):
    """Open data: recognition and revocation decisions as an Atom feed, newest first."""
    atom = "application/atom+xml; charset=utf-8"
    return _feed_response(request, lambda: (opendata.decisions_atom(), None), atom)


@require_safe
def dcat(request):
    """Open data: the DCAT-AP description of the datasets, for data portals to harvest."""
    return JsonResponse(
        opendata.dcat_catalog(), content_type="application/ld+json", json_dumps_params={"ensure_ascii": False}
    )
