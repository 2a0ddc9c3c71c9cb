"""The GS1-conformant resolver behaviour of our Digital Link URIs (GS1 Resolver standard 1.1).

A product, lot or unit URI answers its human trace page by default, with a ``Link`` header; with
``?linkType=all`` (or ``Accept: application/linkset+json``) the RFC 9264 linkset of every link
the item has; with ``?linkType=gs1:…`` a 307 to that link, or 404 when the item has none.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalogue.certification import listing_status
from catalogue.models import Product
from gs1 import links
from gs1.gtin import stored_forms
from salespoints.selectors import sales_points_stocking
from traceability.epcis import area_location, route_of
from traceability.models import Lot, RawMaterialArea, TraceEvent

GS1_VOC = "https://gs1.org/voc/"
LINKSET_TYPE = "application/linkset+json"
ALL = "all"
DEFAULT_LINK = "defaultLink"


@dataclass(frozen=True)
class Link:
    link_type: str  # a GS1 Web vocabulary term, e.g. "pip"
    href: str
    title: str
    media_type: str = "text/html"
    translated: bool = False  # the target answers in every public language

    def as_json(self) -> dict:
        entry = {"href": self.href, "title": self.title, "type": self.media_type}
        if self.translated:
            entry["hreflang"] = [code for code, _name in settings.LANGUAGES]
        return entry


def link_type_name(value: str) -> str | None:
    """``gs1:pip``, ``https://gs1.org/voc/pip`` or ``all`` → ``pip`` / ``all``; None for anything else."""
    if value == ALL:
        return ALL
    for prefix in ("gs1:", GS1_VOC, GS1_VOC.replace("https:", "http:")):
        if value.startswith(prefix) and value[len(prefix):].isidentifier():
            return value[len(prefix):]
    return None


def asks_for_links(request) -> bool:
    """A machine asking the resolver (a link type, or the linkset by content type), not for the page."""
    return "linkType" in request.GET or LINKSET_TYPE in request.headers.get("Accept", "")


def _events_query(uri: str) -> str:
    query = urlencode({"MATCH_anyEPCClass": uri})
    return links.public_url(f"{reverse('api:epcis_events')}?{query}")


def item_links(anchor: str, product, lot=None) -> list[Link]:
    """Every link of a product (or one of its lots or units), the trace page first (the default)."""
    title = product.get_title()
    found = [Link("pip", anchor, title, translated=True)]
    listing = listing_status(product)
    listable = listing.is_listable
    if listable:
        found.append(Link("pip", links.public_url(product.get_absolute_url()), title, translated=True))
    if listing.certificate is not None:
        certificate = reverse("api:get_certificate", args=[product.upc])
        found.append(Link("certificationInfo", links.public_url(certificate), title, "application/json"))
    lots = [lot] if lot else product.lots.all()
    if TraceEvent.objects.filter(lot__in=lots).exists():
        subject = links.public_url(links.lot_trace_path(lot) if lot else links.product_trace_path(product))
        found.append(Link("traceability", _events_query(subject), title, "application/ld+json"))
    areas = RawMaterialArea.objects.filter(lots__in=lots).distinct().order_by("name")
    found += [
        Link("productSustainabilityInfo", area_location(area), area.name, translated=True) for area in areas
    ]
    if listable and sales_points_stocking(product).exists():
        query = urlencode({"product": product.upc})
        where = links.public_url(f"{reverse('salespoints:list')}?{query}")
        found.append(Link("whereToBuy", where, title, translated=True))
        retailers = f"{reverse('api:list_sales_points')}?{query}"
        found.append(Link("hasRetailers", links.public_url(retailers), title, "application/json"))
    return found


def linkset(anchor: str, item: list[Link]) -> dict:
    """The RFC 9264 JSON linkset, link relation types as full GS1 vocabulary IRIs."""
    entry = {"anchor": anchor, f"{GS1_VOC}{DEFAULT_LINK}": [item[0].as_json()]}
    for link in item:
        entry.setdefault(f"{GS1_VOC}{link.link_type}", []).append(link.as_json())
    return {"linkset": [entry]}


def link_header(anchor: str) -> str:
    """The ``Link`` header of a default response: where the linkset is, and that this is the default.

    Made without reading the database, so a cached trace page stays one query.
    """
    return (
        f'<{anchor}?linkType={ALL}>; rel="linkset"; type="{LINKSET_TYPE}", '
        f'<{anchor}>; rel="{GS1_VOC}{DEFAULT_LINK}"; type="text/html"'
    )


def target(item: list[Link], link_type: str) -> str | None:
    """Where ``?linkType=`` sends the client: the first link of that type (the default link too)."""
    if link_type == DEFAULT_LINK:
        return item[0].href
    return next((link.href for link in item if link.link_type == link_type), None)


RESOLVABLE = {"trace-gs1-product", "trace-gs1-lot", "trace-product", "trace-lot"}


def identified(uri: str) -> dict | None:
    """What one of our product or lot URIs names: its GTIN or code, and lot code (None if not ours)."""
    match = route_of(uri)
    return match.kwargs if match and match.url_name in RESOLVABLE else None


def codes(gtin=None, code=None):
    """(the stored forms of a GTIN, None) or ((), our own code); ValidationError for a bad GTIN."""
    return (stored_forms(gtin), None) if gtin else ((), code)


def products_named(gtins, code):
    """The products with one of these stored GTIN forms, or else with our own code."""
    return Product.objects.filter(gtin__in=gtins) if gtins else Product.objects.filter(upc=code)


def lots_named(kwargs: dict):
    """The lots (none, or those of each product sharing a GTIN) that an :func:`identified` URI names."""
    try:
        gtins, code = codes(kwargs.get("gtin"), kwargs.get("code"))
    except ValidationError:
        return Lot.objects.none()
    lots = Lot.objects.filter(product__in=products_named(gtins, code))
    return lots.filter(code=kwargs["lot_code"]) if "lot_code" in kwargs else lots


def resolver_description() -> dict:
    """/.well-known/gs1resolver: what this resolver serves."""
    return {
        "name": "OCOP Market",
        "resolverRoot": settings.PUBLIC_BASE_URL,
        "supportedPrimaryKeys": ["01"],
        "supportedLinkType": [{"namespace": GS1_VOC, "prefix": "gs1:"}],
        "linkTypeDefaultCanBeAll": False,
        "supportedContextValuesEnumerated": [],
        "supportedLanguages": [code for code, _name in settings.LANGUAGES],
    }
