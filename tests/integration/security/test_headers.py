"""Security headers on every kind of response, and pages that satisfy their own Content-Security-Policy."""

import base64
import hashlib
import re

import pytest

from gs1 import links
from tests.factories import LotFactory, ProductFactory, SalesPointFactory, StampFactory

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.DOTALL | re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")


def _policy(response):
    return dict(
        (part.split()[0], part.split()[1:]) for part in response["Content-Security-Policy"].split("; ")
    )


def _sha256(text):
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()  # noqa: UP031


def assert_page_satisfies_its_policy(response):
    """What a browser would refuse under the header: inline scripts without the nonce, inline
    <style> without a listed hash, inline event handlers."""
    policy = _policy(response)
    html = response.content.decode()
    nonces = {v[len("'nonce-"):-1] for v in policy["script-src"] if v.startswith("'nonce-")}
    for match in SCRIPT.finditer(html):
        attrs = match["attrs"]
        if "src=" in attrs or any(f'type="{kind}"' in attrs for kind in DATA_SCRIPT_TYPES):
            continue
        nonce = re.search(r'nonce="([^"]+)"', attrs)
        assert nonce and nonce[1] in nonces, f"inline script without the page's nonce: {match[0][:120]}"
    for match in STYLE.finditer(html):
        assert _sha256(match["body"]) in policy["style-src"], "inline <style> whose hash is not allowed"
    assert not EVENT_HANDLER.search(html), EVENT_HANDLER.search(html)[0]


def assert_security_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ["geolocation=(self)", "camera=()", "microphone=()"]:
        assert feature in permissions
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]


def test_a_public_page_has_the_headers_and_satisfies_its_policy(client):
    ProductFactory(title="Muối hạt Cần Giờ")

    response = client.get("/")

    assert response.status_code == 200
    assert_security_headers(response)
    assert_page_satisfies_its_policy(response)


def test_shop_pages_satisfy_the_policy(client):
    product = ProductFactory(title="Nước mắm Cửa Khe")
    urls = [product.get_absolute_url(), "/catalogue/", "/search/?q=nuoc+mam", "/basket/", "/accounts/login/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response)
        assert_page_satisfies_its_policy(response)


def test_each_page_gets_its_own_nonce(client):
    """On the basket, whose page carries Oscar's inline script (other public pages have none)."""
    first, second = client.get("/basket/"), client.get("/basket/")

    assert _policy(first)["script-src"] != _policy(second)["script-src"]


def test_a_trace_page_keeps_its_inline_style_allowed_by_hash_also_when_served_from_cache(client):
    stamp = StampFactory(lot=LotFactory(product=ProductFactory(gtin="8930000000019")))
    for _ in range(2):  # rendered, then the cached snapshot
        response = client.get(links.stamp_trace_path(stamp))
        assert response.status_code == 200
        assert_security_headers(response)
        assert STYLE.search(response.content.decode()), "the critical CSS stays inline"
        assert_page_satisfies_its_policy(response)
        assert not any(v.startswith("'nonce-") for v in _policy(response)["script-src"])


def test_the_sales_point_map_may_load_openstreetmap_tiles(client, settings):
    SalesPointFactory()
    response = client.get("/diem-ban/")

    assert response.status_code == 200 and settings.SALES_POINT_MAP_TILES.startswith("https://tile.openstreetmap.org/")
    assert "https://tile.openstreetmap.org" in _policy(response)["img-src"]
    assert "https://*.tile.openstreetmap.org" in _policy(response)["img-src"]
    assert_page_satisfies_its_policy(response)


def test_an_api_response_has_the_headers(client):
    response = client.get("/api/v1/products/")

    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert_security_headers(response)


def test_the_admin_areas_get_only_the_directives_that_cannot_break_them(client):
    for url in ["/cms/login/", "/dashboard/login/", "/django-admin/login/"]:
        response = client.get(url, follow=True)
        expected = {"frame-ancestors": ["'self'"], "base-uri": ["'self'"], "object-src": ["'none'"]}
        assert _policy(response) == expected, url
        assert response["Permissions-Policy"]


def test_the_session_cookie_is_http_only_and_same_site(client, django_user_model):
    django_user_model.objects.create_user("an", "an@ocop.example.vn", "muoi-hat-Can-Gio-2026")
    credentials = {"login-username": "an@ocop.example.vn", "login-password": "muoi-hat-Can-Gio-2026"}
    client.post("/accounts/login/", {**credentials, "login_submit": "1"})

    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_the_api_docs_are_served_from_our_static_files_under_the_policy(client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    assert "cdn.jsdelivr.net" not in response.content.decode()
    assert_page_satisfies_its_policy(response)


@pytest.mark.parametrize("template", ["oscar/partials/form.html", "oscar/error.html"])
def test_oscars_back_links_work_without_inline_handlers(rf, template):
    """Oscar's "cancel" and "return to previous page" used onclick, which the policy blocks."""
    from django.template.loader import render_to_string

    html = render_to_string(template, {"form": None}, request=rf.get("/"))

    assert "onclick" not in html and 'data-action="back"' in html
