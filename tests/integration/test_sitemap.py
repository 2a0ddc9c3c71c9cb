import re
from datetime import datetime

import pytest

from catalogue.models import Certificate
from tests.factories import CertificateFactory, ProductFactory, SalesPointFactory, TradeFairFactory

pytestmark = pytest.mark.django_db

BASE = "https://ocop.example.vn"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.PUBLIC_BASE_URL = BASE


def _section(client, name):
    response = client.get(f"/sitemap-{name}.xml")
    assert response.status_code == 200
    return response.content.decode()


def test_the_index_names_every_section_on_the_public_address_with_lastmod(client):
    ProductFactory()

    xml = client.get("/sitemap.xml").content.decode()

    assert re.findall(r"<loc>([^<]+)</loc>", xml) == [
        f"{BASE}/sitemap-{name}.xml" for name in ("pages", "products", "sales-points", "fairs")
    ]
    assert "<lastmod>" in xml


def test_every_section_lists_only_public_address_urls(client):
    ProductFactory()
    SalesPointFactory(slug="diem-ocop-vam-sat")
    TradeFairFactory(slug="hoi-cho-ocop-2026")

    locations = [
        loc for name in ("pages", "products", "sales-points", "fairs")
        for loc in re.findall(r"<loc>([^<]+)</loc>", _section(client, name))
    ]

    assert locations and all(loc.startswith(f"{BASE}/") for loc in locations)
    assert f"{BASE}/diem-ban/diem-ocop-vam-sat/" in locations
    assert f"{BASE}/hoi-cho/hoi-cho-ocop-2026/" in locations
    assert f"{BASE}/" in locations  # the home page, a Wagtail page on whatever host its Site names


def test_sitemap_lists_listable_products_only(client):
    listable = ProductFactory()
    revoked = ProductFactory(certificate=None)
    CertificateFactory(product=revoked, revoked=True)

    xml = _section(client, "products")

    assert f"{BASE}{listable.get_absolute_url()}" in xml
    assert revoked.get_absolute_url() not in xml


def test_a_revocation_removes_the_product_from_the_sitemap_on_the_next_request(client):
    product = ProductFactory()
    assert product.get_absolute_url() in _section(client, "products")

    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="1/QĐ"
    )

    assert product.get_absolute_url() not in _section(client, "products")


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_parts(client):
    robots = client.get("/robots.txt").content.decode()

    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    assert "Disallow: /cms/" in robots and "Disallow: /checkout/" in robots


def test_the_index_dates_the_products_section_by_its_newest_product_in_few_queries(
    client, django_assert_max_num_queries
):
    products = [ProductFactory() for _ in range(3)]
    newest = max(p.date_updated for p in products)

    with django_assert_max_num_queries(12):
        xml = client.get("/sitemap.xml").content.decode()

    products_section = re.search(r"sitemap-products\.xml</loc><lastmod>([^<]+)</lastmod>", xml)
    assert datetime.fromisoformat(products_section.group(1)) == newest
