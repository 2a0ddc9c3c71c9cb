"""Bad bytes and bad numbers never reach the database as an error page: every public URL pattern,
with a NUL or other control character in its path or query, or a negative, huge or non-numeric
page, answers 4xx or a page, never 500."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

PARAMETER = re.compile(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)")
NOT_PUBLIC = ("cms/", "django-admin/", "dashboard/", "accounts/", "checkout/", "basket/")
BAD_VALUES = ["%00", "x%00y", "%01", "%7F"]
BAD_QUERIES = [
    "q=%00", "q=a%00b", "page=-1", "page=0", "page=abc", "page=99999999999999999999", "page_size=-3",
    "province=%00", "near=%00", "stars=%00", "group=%00", "lang=%00",
    "linkType=%00", "linkType=gs1:%01", "MATCH_anyEPCClass=%00", "GE_eventTime=-1", "EQ_bizStep=%00",
]


def public_routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from public_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and not route.lstrip("^").startswith(NOT_PUBLIC):
            yield route


def path_with(route: str, value: str) -> str:
    path = PARAMETER.sub(value, route)
    return "/" + re.sub(r"[\^$?\\]", "", path).replace("(.*)", value).lstrip("/")


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def test_a_control_character_anywhere_in_a_public_path_is_never_an_error_page(client):
    ProductFactory(gtin="8930000000019")
    routes, errors = sorted(set(public_routes())), {}
    assert len(routes) > 40  # the walk reaches the project's, Oscar's and Wagtail's public patterns
    for route in routes:
        for value in BAD_VALUES:
            url = path_with(route, value)
            if (status := client.get(url).status_code) >= 500:
                errors[url] = status
    assert errors == {}


LISTS = [
    "/", "/catalogue/", "/search/", "/diem-ban/", "/api/v1/products/", "/api/v1/producers/",
    "/api/v1/sales-points/", "/api/v1/fairs/", "/feeds/google.xml", "/search/suggest/", "/sitemap.xml",
    "/sitemap-products.xml", "/api/v1/epcis/events/", "/01/08930000000019", "/feeds/san-pham-ocop.json",
]


@pytest.mark.parametrize("path", LISTS)
def test_no_bad_query_parameter_makes_an_error_page(client, path):
    ProductFactory()
    statuses = {query: client.get(f"{path}?{query}").status_code for query in BAD_QUERIES}
    assert {query: status for query, status in statuses.items() if status >= 500} == {}


def test_a_nul_byte_gets_the_clean_400_page_and_a_negative_page_a_404(client):
    ProductFactory()

    refused = client.get("/q/%00")
    assert refused.status_code == 400 and "Yêu cầu không hợp lệ" in refused.content.decode()
    assert client.get("/catalogue/?page=-1").status_code == 404
    assert client.get("/catalogue/?page=99999999999999999999").status_code == 404


def test_a_form_field_with_a_nul_byte_is_refused_and_changes_nothing(client):
    product = ProductFactory()
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": "1\x00"})
    assert response.status_code == 400
    assert not client.cookies.get("oscar_open_basket")
