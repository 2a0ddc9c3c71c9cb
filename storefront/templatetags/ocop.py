"""Display helpers for OCOP pages: money in VND, dates and phone numbers per language, the star badge."""

import re
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html_join, strip_tags
from django.utils.translation import get_language, gettext, to_locale

from catalogue.certification import is_listable
from formats import json_ld_script, local_date, phone_number, vnd
from reviews.rules import rating_of
from storefront.middleware import in_language

register = template.Library()


register.filter("vnd", vnd)
register.filter("vndate", local_date)
register.filter("phone", phone_number)


def listable_stars(product):
    """The stars a product may show: only while it passes the listing gate."""
    if not is_listable(product):
        return None
    certificate = product.current_certificate()
    return certificate.stars if certificate else None


@register.inclusion_tag("storefront/includes/star_badge.html")
def star_badge(product, size="md"):
    stars = listable_stars(product)
    return {"stars": stars, "star_range": range(stars or 0), "size": size}


def _in_language(request, code: str | None) -> str:
    """This page's URL in a language (``?lang=``), or without one (the visitor's own)."""
    return request.build_absolute_uri(in_language(request.path, request.GET, code))


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for this page in each language (``?lang=``); x-default is the
    URL without it, which answers in the browser's language."""
    request = context.get("request")
    if request is None:
        return ""
    links = [
        (to_locale(code).replace("_", "-"), _in_language(request, code)) for code, _name in settings.LANGUAGES
    ]
    links.append(("x-default", _in_language(request, None)))
    return format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.inclusion_tag("storefront/includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in every language, each remembering the choice (choose_language)."""
    request = context["request"]
    here = in_language(request.path, request.GET)
    current = get_language()
    return {
        "languages": [
            {"code": code, "name": name, "current": code == current,
             "url": f"{reverse('choose-language', args=[code])}?{urlencode({'next': here})}"}
            for code, name in settings.LANGUAGES
        ],
    }


SCHEMA = "https://schema.org"


def _shipping_details() -> dict:
    """The dearest flat delivery fee (checkout.shipping.fees): an offer's shipping at most costs this."""
    return {
        "@type": "OfferShippingDetails",
        "shippingRate": {
            "@type": "MonetaryAmount", "value": max(settings.SHIPPING_FEES_VND.values()), "currency": "VND",
        },
        "shippingDestination": {"@type": "DefinedRegion", "addressCountry": "VN"},
        "deliveryTime": {
            "@type": "ShippingDeliveryTime",
            "handlingTime": {"@type": "QuantitativeValue", "minValue": 0, "maxValue": 2, "unitCode": "DAY"},
            "transitTime": {"@type": "QuantitativeValue", "minValue": 1, "maxValue": 5, "unitCode": "DAY"},
        },
    }


def _return_policy() -> dict:
    return {
        "@type": "MerchantReturnPolicy",
        "applicableCountry": "VN",
        "returnPolicyCategory": f"{SCHEMA}/MerchantReturnFiniteReturnWindow",
        "merchantReturnDays": settings.RETURN_WINDOW_DAYS,
        "returnMethod": f"{SCHEMA}/ReturnByMail",
        "returnFees": f"{SCHEMA}/FreeReturn",
    }


@register.simple_tag(takes_context=True)
def product_json_ld(context, product, price=None):
    """schema.org Product with its VND offer and breadcrumbs, for listable products only."""
    if not is_listable(product):
        return ""
    request = context["request"]
    url = request.build_absolute_uri(product.get_absolute_url())
    certificate = product.current_certificate()
    producer = product.producer
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.get_title(),
        "sku": product.upc,
        "url": url,
        "description": strip_tags(product.description or "")[:500] or _summary(product, certificate),
        "category": product.ocop_group.name if product.ocop_group else None,
        "gtin": product.gtin or None,
        "brand": {"@type": "Brand", "name": producer.name} if producer else None,
        "manufacturer": (
            {"@type": "Organization", "name": producer.name, "address": _postal_address(producer)}
            if producer else None
        ),
    }
    rating = rating_of(product)
    if rating.count:
        data["aggregateRating"] = {
            "@type": "AggregateRating", "ratingValue": round(rating.average, 1), "reviewCount": rating.count,
            "bestRating": 5, "worstRating": 1,
        }
    image = product.primary_image()
    if getattr(image, "original", None):
        data["image"] = request.build_absolute_uri(image.original.url)
    if price is not None and price.exists:
        data["offers"] = {
            "@type": "Offer",
            "price": str(int(price.incl_tax)),
            "priceCurrency": "VND",
            "availability": f"{SCHEMA}/InStock",
            "itemCondition": f"{SCHEMA}/NewCondition",
            # Sold only while certified: the price holds no longer than the certificate.
            "priceValidUntil": certificate.valid_until.isoformat() if certificate else None,
            "url": url,
            "shippingDetails": _shipping_details(),
            "hasMerchantReturnPolicy": _return_policy(),
        }
    crumbs = [(name, request.build_absolute_uri(path)) for name, path in product_crumbs(product)]
    return json_ld_script(data) + breadcrumb_json_ld(crumbs)


def product_crumbs(product) -> list[tuple[str, str]]:
    """Where a product page stands, as (name, path) from the home page: its OCOP group's list, in
    the page's language. The visible breadcrumb and the structured one both read it."""
    crumbs = [(gettext("Trang chủ"), "/")]
    if product.ocop_group:
        group_list = f"{reverse('catalogue:index')}?{urlencode({'group': product.ocop_group.code})}"
        crumbs.append((product.ocop_group.name, group_list))
    crumbs.append((product.get_title(), product.get_absolute_url()))
    return crumbs


@register.inclusion_tag("storefront/includes/breadcrumbs.html")
def product_breadcrumbs(product):
    return {"crumbs": product_crumbs(product)}


def _summary(product, certificate) -> str:
    """A description for a product whose producer wrote none."""
    if certificate is None or product.producer is None:
        return product.get_title()
    values = {"title": product.get_title(), "stars": certificate.stars, "producer": product.producer.name}
    return gettext("%(title)s: sản phẩm OCOP %(stars)s sao của %(producer)s.") % values


def breadcrumb_json_ld(crumbs) -> str:
    """schema.org BreadcrumbList of (name, absolute URL) pairs, from the home page down."""
    return json_ld_script({
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    })


def _postal_address(place) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": place.street,
        "addressLocality": place.commune_name,
        "addressRegion": place.province_name,
        "addressCountry": "VN",
    }


def _geo(place) -> dict | None:
    if place.latitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(place.latitude), "longitude": float(place.longitude)}


@register.simple_tag(takes_context=True)
def producer_json_ld(context, page):
    """schema.org Organization for a producer's page."""
    producer = page.producer
    return json_ld_script({
        "@context": SCHEMA,
        "@type": "Organization",
        "name": producer.name,
        "url": context["request"].build_absolute_uri(page.url),
        "description": page.intro,
        "telephone": producer.phone,
        "taxID": producer.tax_code,
        "address": _postal_address(producer),
        "location": {"@type": "Place", "geo": _geo(producer)} if _geo(producer) else None,
    })


OPENING_HOURS = re.compile(r"(\d{1,2})[:hg](\d{2})\s*[–—-]\s*(\d{1,2})[:hg](\d{2})")
EVERY_DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def opening_hours_specification(text: str) -> list[dict]:
    """"07:30–17:00" (every day, as sales points write it) → schema.org; [] when not of that form."""
    match = OPENING_HOURS.search(text or "")
    if match is None:
        return []
    opens_h, opens_m, closes_h, closes_m = (int(part) for part in match.groups())
    if not (opens_h < 24 and closes_h < 24 and opens_m < 60 and closes_m < 60):
        return []
    return [{
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": EVERY_DAY,
        "opens": f"{opens_h:02d}:{opens_m:02d}",
        "closes": f"{closes_h:02d}:{closes_m:02d}",
    }]


@register.simple_tag(takes_context=True)
def sales_point_json_ld(context, point):
    """schema.org Store (a LocalBusiness) for a sales point, with where it is and when it opens."""
    return json_ld_script({
        "@context": SCHEMA,
        "@type": "Store",
        "name": point.name,
        "url": context["request"].build_absolute_uri(point.get_absolute_url()),
        "telephone": point.phone,
        "address": _postal_address(point),
        "geo": _geo(point),
        "openingHoursSpecification": opening_hours_specification(point.opening_hours),
    })


@register.simple_tag(takes_context=True)
def fair_json_ld(context, fair, exhibitors=()):
    """schema.org Event for a trade fair."""
    return json_ld_script({
        "@context": SCHEMA,
        "@type": "Event",
        "name": fair.name,
        "url": context["request"].build_absolute_uri(fair.get_absolute_url()),
        "startDate": fair.starts_on.isoformat(),
        "endDate": fair.ends_on.isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place", "name": fair.venue,
            "address": {"@type": "PostalAddress", "addressRegion": fair.get_province_code_display(),
                        "addressCountry": "VN"},
        },
        "organizer": {"@type": "Organization", "name": fair.organiser},
        "performer": [{"@type": "Organization", "name": e.producer.name} for e in exhibitors][:50],
    })
