"""Public pages served whole from the cache while nothing they show has changed.

A page is stored as rendered for a first-time visitor (no session, no basket, no messages),
keyed by pagecache.freshness (path and query, language, day, page version), so a revocation or
any other change shows on the next request, never after a timeout. What differs per visitor is
put back on every request: the CSRF token of each form, the script nonce of the security policy,
and for a visitor who has a basket the header's basket and account links. Signed-in users (staff
see Wagtail's editing bar), visitors with a message waiting, and returning visitors on Wagtail
pages (which may hold a page password in their session) get the page rendered for them.
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


def _visitor(request) -> str | None:
    """FIRST_VISIT, RETURNING (an anonymous visitor with a session or basket), or None: render for them."""
    cookies = request.COOKIES  # an emptied cookie (value "") counts as none
    if cookies.get(CookieStorage.cookie_name):
        return None  # a message waits to be shown once
    if not cookies.get(settings.SESSION_COOKIE_NAME) and not cookies.get(settings.OSCAR_BASKET_COOKIE_OPEN):
        return FIRST_VISIT
    return None if request.user.is_authenticated else RETURNING


def _cached_page(html: str) -> str:
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_MARKER}\g<2>", html)
    return NONCE_ATTRIBUTE.sub(rf"\g<1>{NONCE_MARKER}\g<2>", html)


def _for_visitor(request, html: str, visitor: str) -> str:
    if CSRF_MARKER in html:
        html = html.replace(CSRF_MARKER, get_token(request))
    if NONCE_MARKER in html:
        html = html.replace(NONCE_MARKER, str(request.csp_nonce))
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
        key = getattr(request, "page_cache_key", None)
        if key and response.status_code == 200 and not response.streaming:
            html = response.content.decode(response.charset)
            cache.set(key, (response["Content-Type"], _cached_page(html)), PAGE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_name = request.resolver_match.view_name
        if request.method != "GET" or view_name not in CACHED_VIEWS:
            return None
        visitor = _visitor(request)
        if visitor is None or (visitor == RETURNING and view_name in SESSION_DEPENDENT_VIEWS):
            return None
        key = freshness.page_key("page", request.get_full_path(), freshness.page_version())
        entry = cache.get(key)
        if entry is None:
            if visitor == FIRST_VISIT:  # a page rendered for anyone else may hold their own details
                request.page_cache_key = key
            return None
        content_type, html = entry
        return HttpResponse(_for_visitor(request, html, visitor), content_type=content_type)
