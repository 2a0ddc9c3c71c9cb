"""A page shared on Zalo or Facebook shows its picture, title and, for a product, its price."""

import re
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from oscar.test.factories import ProductImageFactory
from PIL import Image

from tests.factories import (
    ProductFactory,
    SalesPointFactory,
    TradeFairFactory,
    producer_page,
    story_page,
)

pytestmark = pytest.mark.django_db

BASE = "https://ocop.example.vn"


def meta(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    pattern = r'<meta (?:property|name)="((?:og|product|twitter):[^"]+)" content="([^"]*)"'
    for name, content in re.findall(pattern, html):
        found.setdefault(name, []).append(content)
    return found


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE


def test_a_product_page_shares_a_1200x630_picture_on_the_public_address_and_its_price(client):
    product = ProductFactory(title="Muối hạt Cần Giờ", stockrecords__price=45000)
    ProductImageFactory(product=product)

    html = client.get(product.get_absolute_url()).content.decode()

    tags = meta(html)
    assert tags["og:type"] == ["product"] and tags["og:title"] == ["Muối hạt Cần Giờ"]
    assert tags["og:url"] == [BASE + product.get_absolute_url()]
    assert tags["product:price:amount"] == ["45000"] and tags["product:price:currency"] == ["VND"]
    assert tags["twitter:card"] == ["summary_large_image"] and tags["twitter:image"] == tags["og:image"]
    assert tags["og:locale"] == ["vi_VN"] and "en_US" in tags["og:locale:alternate"]
    assert tags["og:image"] == [f"{BASE}/chia-se/san-pham/{product.upc}.jpg"]  # made when first fetched
    picture = client.get(f"/chia-se/san-pham/{product.upc}.jpg")["Location"]
    assert picture.startswith(f"{BASE}{django_settings.MEDIA_URL}")
    stored = Path(django_settings.MEDIA_ROOT) / picture.removeprefix(f"{BASE}{django_settings.MEDIA_URL}")
    assert Image.open(BytesIO(stored.read_bytes())).size == (1200, 630)
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])


def test_a_product_page_offers_share_links_that_need_no_third_party_script(client):
    product = ProductFactory()

    html = client.get(product.get_absolute_url()).content.decode()

    shared = f"{BASE}{product.get_absolute_url()}"
    assert f'href="{shared}" data-share' in html  # the phone's share sheet (Zalo), else the link itself
    assert f"https://www.facebook.com/sharer/sharer.php?u={quote(shared, safe='')}" in html
    assert f'data-copy-link="{shared}"' in html
    assert not re.search(r'<script[^>]+src="https?://', html)


def test_producer_story_sales_point_fair_and_trace_pages_are_shared_with_a_card(client):
    product = ProductFactory(gtin="8930000000019")
    pages = [
        producer_page(product.producer).url,
        story_page(product).url,
        SalesPointFactory().get_absolute_url(),
        TradeFairFactory().get_absolute_url(),
        "/01/08930000000019",
    ]
    for url in pages:
        tags = meta(client.get(url).content.decode())
        assert tags["og:title"][0], url
        assert tags["og:url"] == [BASE + url], url
        assert tags["og:image"][0].startswith(BASE), url
        assert tags["twitter:card"] == ["summary_large_image"], url


def test_a_product_without_a_picture_shares_the_site_card_and_an_unknown_code_is_404(client):
    product = ProductFactory()

    assert client.get(f"/chia-se/san-pham/{product.upc}.jpg")["Location"].endswith("storefront/img/share.png")
    assert client.get("/chia-se/san-pham/KHONG-CO.jpg").status_code == 404
