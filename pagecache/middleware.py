"""Public pages served whole from the cache while what they show is unchanged.

A page is stored as rendered for a first-time visitor (no session, no basket, no messages),
under its path and query, language and day, with the versions it was rendered from
(pagecache.freshness); it is served while one query finds them all current. A product's page
depends on that product (and editorial content) only; a list also on the lists' clocks. What
differs per visitor is put back on every request: the CSRF token of each form, the script nonce
of the security policy, and for a visitor who has a basket the header's basket and account links.
Signed-in users (staff see Wagtail's editing bar), visitors with a message waiting, and returning
visitors on Wagtail pages (which may hold a page password in their session) get the page
rendered for them. Every response that could have come from the cache says which in ``X-Cache``.
"""

import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from pagecache import freshness

CACHED_VIEWS = {
    "home", "wagtail_serve", "catalogue:index", "catalogue:category", "catalogue:detail", "search:search",
    "salespoints:list", "salespoints:detail", "tradefairs:list", "tradefairs:detail",
    "api:list_products", "api:get_product", "api:list_producers", "api:list_sales_points", "api:list_fairs",
}
# Pages of one product: they show no list, so the lists' clocks do not concern them.
ONE_PRODUCT_VIEWS = {"catalogue:detail", "api:get_product"}
# Wagtail pages may depend on the session: a page password, once given, is kept there.
SESSION_DEPENDENT_VIEWS = {"home", "wagtail_serve"}
PAGE_SECONDS = 15 * 60  # only bounds memory: a change never waits for it
CSRF_MARKER = "\x00csrf\x00"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
NONCE_MARKER = "\x00nonce\x00"
NONCE_ATTRIBUTE = re.compile(r'( nonce=")[^"]*(")')  # the Content-Security-Policy's, new every response
VISITOR_TOOLS = re.compile(r"<!--visitor-tools-->.*?<!--/visitor-tools-->", re.DOTALL)
VISITOR_TOOLS_TEMPLATE = "storefront/includes/visitor_tools.html"

FIRST_VISIT, RETURNING = "first visit", "returning"
HIT, MISS = "hit", "miss"


def _visitor(request) -> str | None:
    """FIRST_VISIT, RETURNING (an anonymous visitor with a session or basket), or None: render for them."""
    cookies = request.COOKIES  # an emptied cookie (value "") counts as none
    if cookies.get(CookieStorage.cookie_name):
        return None  # a message waits to be shown once
    if not cookies.get(settings.SESSION_COOKIE_NAME) and not cookies.get(settings.OSCAR_BASKET_COOKIE_OPEN):
        return FIRST_VISIT
    return None if request.user.is_authenticated else RETURNING


def without_visitor_parts(html: str) -> str:
    """HTML to keep for anyone: each form's CSRF token and each script nonce replaced by markers.

    The one place where per-visitor parts leave cached HTML (pages and fragments alike)."""
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_MARKER}\g<2>", html)
    return NONCE_ATTRIBUTE.sub(rf"\g<1>{NONCE_MARKER}\g<2>", html)


def with_visitor_parts(request, html: str) -> str:
    """Kept HTML with this visitor's CSRF token and this response's script nonce put back."""
    if CSRF_MARKER in html:
        html = html.replace(CSRF_MARKER, get_token(request))
    if NONCE_MARKER in html:
        html = html.replace(NONCE_MARKER, str(request.csp_nonce))
    return html


def _for_visitor(request, html: str, visitor: str) -> str:
    html = with_visitor_parts(request, html)
    if visitor == RETURNING:
        tools = render_to_string(VISITOR_TOOLS_TEMPLATE, request=request)
        html = VISITOR_TOOLS.sub(lambda match: tools, html, count=1)
    return html


class PageCacheMiddleware:
    """Sits after the session, CSRF, authentication, message and basket middleware it relies on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        recording = getattr(request, "page_recording", None)
        if recording is not None:
            dependencies = recording.stop()
            if response.status_code == 200 and not response.streaming:
                html = response.content.decode(response.charset)
                entry = (response["Content-Type"], without_visitor_parts(html), dependencies)
                cache.set(request.page_cache_key, entry, PAGE_SECONDS)
        if getattr(request, "page_cache", None):
            response["X-Cache"] = request.page_cache
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_name = request.resolver_match.view_name
        if request.method != "GET" or view_name not in CACHED_VIEWS or not settings.PAGE_CACHE:
            return None
        visitor = _visitor(request)
        if visitor is None or (visitor == RETURNING and view_name in SESSION_DEPENDENT_VIEWS):
            return None
        key = freshness.page_key("page", request.get_full_path())
        entry = cache.get(key)
        if entry is not None:
            content_type, html, dependencies = entry
            if freshness.is_fresh(dependencies):
                request.page_cache = HIT
                return HttpResponse(_for_visitor(request, html, visitor), content_type=content_type)
        request.page_cache = MISS
        if visitor == FIRST_VISIT:  # a page rendered for anyone else may hold their own details
            request.page_cache_key = key
            clocks = [freshness.CONTENT_CLOCK] if view_name in ONE_PRODUCT_VIEWS else freshness.CLOCKS
            request.page_recording = freshness.Recording(clocks)
        return None
