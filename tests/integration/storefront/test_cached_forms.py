"""Every form of every cached public page works for the visitor it is served to.

Pages and fragments are kept without per-visitor parts and get them back on the way out
(pagecache.middleware.with_visitor_parts): here each POST form of each page, served from the
cache to a second first-time visitor, is sent with that page's token under strict CSRF checks.
"""

import re
from html import unescape

import pytest
from django.test import Client

from tests.factories import (
    ExhibitorFactory,
    ProductFactory,
    SalesPointFactory,
    SalesPointStockFactory,
    TradeFairFactory,
)

pytestmark = pytest.mark.django_db

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S)
ATTRIBUTE = r'{}="([^"]*)"'


@pytest.fixture
def pages():
    product = ProductFactory(title="Nước mắm Phú Quốc")
    point = SalesPointStockFactory(product=product).sales_point
    fair = TradeFairFactory()
    ExhibitorFactory(fair=fair, producer=product.producer)
    return [
        "/",
        "/catalogue/",
        "/search/?q=mam",
        product.get_absolute_url(),
        "/diem-ban/",
        point.get_absolute_url(),
        "/hoi-cho/",
        fair.get_absolute_url(),
        SalesPointFactory().get_absolute_url(),
    ]


def _post_forms(html):
    for form in FORM.findall(html):
        if re.search(r'method="post"', form, re.I):
            fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
            yield unescape(re.search(ATTRIBUTE.format("action"), form).group(1)), fields


def test_each_post_form_of_each_cached_page_is_accepted_for_the_visitor_it_is_served_to(pages):
    checked = 0
    for url in pages:
        first = Client().get(url)
        assert first.status_code == 200, url
        visitor = Client(enforce_csrf_checks=True)
        served = visitor.get(url)
        assert served.get("X-Cache") == "hit", url
        first_tokens = {
            fields.get("csrfmiddlewaretoken") for _, fields in _post_forms(first.content.decode())
        }
        for action, fields in _post_forms(served.content.decode()):
            assert fields.get("csrfmiddlewaretoken") not in first_tokens | {None}, (url, action)
            response = visitor.post(action, fields)
            assert response.status_code != 403, (url, action)
            checked += 1
    assert checked >= 1  # the product page's add-to-basket form at least (the language switch is links)
