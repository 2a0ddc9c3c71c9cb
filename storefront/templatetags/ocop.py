"""Display helpers for OCOP pages: money in VND, Vietnamese dates, the star badge."""

import json

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe

from catalogue.certification import is_listable
from formats import vn_date, vnd
from storefront.middleware import LANGUAGE_PARAMETER

register = template.Library()


register.filter("vnd", vnd)
register.filter("vndate", vn_date)


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


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for this page in each language (?lang=, Vietnamese the default)."""
    request = context.get("request")
    if request is None:
        return ""
    links = []
    for code, _name in settings.LANGUAGES:
        query = request.GET.copy()
        query.pop(LANGUAGE_PARAMETER, None)
        if code != settings.LANGUAGE_CODE:
            query[LANGUAGE_PARAMETER] = code
        url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}" if query else request.path)
        links.append(format_html('<link rel="alternate" hreflang="{}" href="{}">', code, url))
        if code == settings.LANGUAGE_CODE:
            links.append(format_html('<link rel="alternate" hreflang="x-default" href="{}">', url))
    return format_html_join("\n", "{}", ((link,) for link in links))  # each link is already safe


@register.simple_tag(takes_context=True)
def product_json_ld(context, product, price=None):
    """schema.org Product with its VND offer, for listable products only (search engines show it)."""
    if not is_listable(product):
        return ""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.get_title(),
        "sku": product.upc,
        "url": request.build_absolute_uri(product.get_absolute_url()),
        "description": strip_tags(product.description or "")[:500],
        "category": product.ocop_group.name if product.ocop_group else None,
        "gtin": product.gtin or None,
        "brand": {"@type": "Brand", "name": product.producer.name} if product.producer else None,
    }
    image = product.primary_image()
    if getattr(image, "original", None):
        data["image"] = request.build_absolute_uri(image.original.url)
    if price is not None and price.exists:
        data["offers"] = {
            "@type": "Offer",
            "price": str(int(price.incl_tax)),
            "priceCurrency": "VND",
            "availability": "https://schema.org/InStock",
            "url": data["url"],
        }
    payload = json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)
    escaped = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # Safe inside <script>: <, > and & are \u escapes, so the JSON cannot close the element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308  # nosec B308, B703
