import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from catalogue.models import Product
from gs1.links import public_url
from storefront.middleware import in_language
from storefront.sitemaps import SECTIONS
from storefront.templatetags.ocop_share import share_image_url

logger = logging.getLogger(__name__)

DATABASE_RETRY_AFTER_SECONDS = 30


@transaction.non_atomic_requests  # not even a savepoint: this is the benchmark floor
def healthz(request):
    """Liveness probe: touches no database, cache or template."""
    return HttpResponse(b"ok", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links (the trace pages link none, to stay small):
    send them to our icon rather than render a 404 page for it."""
    return HttpResponsePermanentRedirect(static("storefront/img/favicon.svg"))


ROBOTS = """User-agent: *
Disallow: /cms/
Disallow: /django-admin/
Disallow: /basket/
Disallow: /checkout/
Disallow: /accounts/
Disallow: /don-hang/
Disallow: /tra-cuu-don-hang/
Disallow: /api/
Allow: /api/v1/docs/

Sitemap: {base}/sitemap.xml
"""


@require_safe
def choose_language(request, code):
    """The switcher's link: remember the language in a cookie (no session) and go back to the page,
    without its ``?lang=``, which would otherwise outrank the choice. A link rather than a form, so
    that pages cached whole (trace pages) can carry it; a stranger's link can at worst switch the
    language, which the switcher switches back."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    back = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts=None) or not back.startswith("/"):
        back = "/"
    path, _, query = back.partition("?")
    response = HttpResponseRedirect(in_language(path, QueryDict(query)))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code, max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE, secure=request.is_secure(), httponly=True,
    )
    return response


@require_safe
def robots_txt(request):
    return HttpResponse(ROBOTS.format(base=settings.PUBLIC_BASE_URL), content_type="text/plain")


@require_safe
def sitemap_index(request):
    """The sitemap index, each section on the public address with its newest change."""
    sections = []
    for section, sitemap_class in SECTIONS.items():
        lastmod = sitemap_class().get_latest_lastmod()
        path = reverse("sitemap-section", kwargs={"section": section})
        sections.append({"location": public_url(path), "last_mod": lastmod})
    context = {"sitemaps": sections}
    return TemplateResponse(request, "sitemap_index.xml", context, content_type="application/xml")


@require_safe
def product_share_image(request, code):
    """A product's 1200×630 share picture, made on the first ask: pages name it without making it,
    so a trace page's first render costs no image work."""
    product = get_object_or_404(Product.objects.prefetch_related("images"), upc=code)
    image = product.primary_image()
    source = None if isinstance(image, dict) else image.original  # Oscar's placeholder is a dict
    return HttpResponseRedirect(share_image_url(source))


def server_error(request):
    """500, or 503 when the database cannot be reached: say so kindly and ask to retry.

    Django calls this while handling the exception, so it is still in sys.exc_info(). Neither page
    touches the database (no context processors), so both render during an outage.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, (OperationalError, InterfaceError))
    if unavailable:
        logger.error("Database unavailable: %s", error)
    template = "503.html" if unavailable else "500.html"
    response = HttpResponse(render_to_string(template), status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response
