"""Display helpers for OCOP pages: money in VND, Vietnamese dates, the star badge."""

from django import template
from oscar.templatetags.currency_filters import currency

from catalogue.certification import is_listable
from storefront.formats import vn_date

register = template.Library()


@register.filter
def vnd(amount):
    """150000 → "150.000 ₫" in every language (the format lives in OSCAR_CURRENCY_FORMAT)."""
    return currency(amount, "VND")


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
