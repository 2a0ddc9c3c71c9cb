"""Sharing: Open Graph and Twitter card tags, and a row of share links, on every public page.

Absolute URLs are on PUBLIC_BASE_URL (a shared link outlives the request's host). The picture is
1200×630: a Wagtail rendition for editorial images, Oscar's thumbnailer for product and sales
point photos, the site's card otherwise.
"""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from oscar.core.thumbnails import get_thumbnailer
from wagtail.images.models import AbstractImage

from formats import plain_text
from gs1.links import public_url

register = template.Library()

SHARE_SIZE = (1200, 630)
OG_LOCALES = {"vi": "vi_VN", "en": "en_US", "zh-hans": "zh_CN", "ko": "ko_KR"}


def share_image_url(image) -> str:
    """The absolute URL of a 1200×630 picture of ``image`` (a Wagtail image or an image file)."""
    width, height = SHARE_SIZE
    if isinstance(image, AbstractImage):
        url = image.get_rendition(f"fill-{width}x{height}|format-jpeg").url
    elif image:
        url = get_thumbnailer().generate_thumbnail(image, size=f"{width}x{height}", crop="center").url
    else:
        url = static("storefront/img/share.png")
    return url if url.startswith("http") else public_url(url)


@register.inclusion_tag("storefront/includes/open_graph.html", takes_context=True)
def open_graph(context, *, title, description="", image=None, product=None, kind="website", price=None):
    """The card of a page; a product's picture is named by code and made when first fetched."""
    language = get_language() or settings.LANGUAGE_CODE
    public = [code for code, _ in settings.LANGUAGES]
    return {
        "kind": kind,
        "title": title,
        "description": plain_text(description)[:200],
        "url": public_url(context["request"].path),
        "image": public_url(reverse("product-share-image", args=[product.upc]))
        if product
        else share_image_url(image),
        "size": SHARE_SIZE,
        "price": int(price) if price is not None else None,
        "locale": OG_LOCALES.get(language, "vi_VN"),
        "alternates": [OG_LOCALES[code] for code in public if code != language and code in OG_LOCALES],
    }


@register.inclusion_tag("storefront/includes/share.html", takes_context=True)
def share_links(context, title):
    url = public_url(context["request"].path)
    return {
        "url": url,
        "title": title,
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}",
    }
