"""Product feeds for shopping channels: every item whole, only listable products, fresh at once."""

import csv
import gzip
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from oscar.test.factories import ProductImageFactory

from catalogue.models import Certificate, ProductGroup
from tests.factories import ProducerFactory, ProductFactory

pytestmark = pytest.mark.django_db

G = "{http://base.google.com/ns/1.0}"
# Google Merchant Center: the attributes every item must carry (product data specification).
GOOGLE_REQUIRED = {
    "id": f"{G}id", "title": "title", "description": "description", "link": "link",
    "image_link": f"{G}image_link", "availability": f"{G}availability", "price": f"{G}price",
    "brand": f"{G}brand", "condition": f"{G}condition",
    "google_product_category": f"{G}google_product_category", "shipping": f"{G}shipping",
}
GOOGLE_AVAILABILITY = {"in_stock", "out_of_stock", "preorder", "backorder"}
# Meta commerce catalogue: the required columns of a product feed.
META_REQUIRED = [
    "id", "title", "description", "availability", "condition", "price", "link", "image_link", "brand",
]
META_AVAILABILITY = {"in stock", "out of stock", "in_stock", "out_of_stock"}
PRICE = re.compile(r"^\d+ VND$")


def shown(**fields):
    product = ProductFactory(**fields)
    ProductImageFactory(product=product)
    return product


def google_items(client):
    response = client.get(reverse("feeds:google"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    return {item.findtext(f"{G}id"): item for item in ET.fromstring(response.content).iter("item")}, response


def test_google_items_carry_every_required_attribute_in_its_format(client, settings):
    settings.PUBLIC_BASE_URL = "https://ocop.example.vn"
    with_gtin = shown(gtin="8930000000019", stockrecords__price=150000)
    without_gtin = shown(gtin="")

    items, _ = google_items(client)

    assert set(items) == {with_gtin.upc, without_gtin.upc}
    for item in items.values():
        for name, tag in GOOGLE_REQUIRED.items():
            assert item.find(tag) is not None and (item.findtext(tag) or list(item.find(tag))), name
        assert PRICE.match(item.findtext(f"{G}price"))
        assert item.findtext(f"{G}availability") in GOOGLE_AVAILABILITY
        assert item.findtext("link").startswith("https://ocop.example.vn/catalogue/")
        assert item.findtext(f"{G}image_link").startswith("https://ocop.example.vn/")
        assert PRICE.match(item.find(f"{G}shipping").findtext(f"{G}price"))
        assert item.find(f"{G}shipping").findtext(f"{G}country") == "VN"
    first = items[with_gtin.upc]
    assert first.findtext(f"{G}price") == "150000 VND"
    assert first.findtext(f"{G}gtin") == "8930000000019"
    assert first.findtext(f"{G}brand") == with_gtin.producer.name
    assert items[without_gtin.upc].findtext(f"{G}identifier_exists") == "no"
    details = {
        d.findtext(f"{G}attribute_name"): d.findtext(f"{G}attribute_value")
        for d in first.iter(f"{G}product_detail")
    }
    assert details["Hạng sao OCOP"] == "4 sao"
    assert re.match(r"\d\d/\d\d/\d{4}$", details["Chứng nhận OCOP có hiệu lực đến"])


def test_a_revoked_product_is_gone_from_every_feed_on_the_next_fetch_and_the_etag_changes(client):
    kept, revoked = shown(), shown()
    _, before = google_items(client)
    assert client.get(reverse("feeds:google"), HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304

    Certificate.objects.filter(product=revoked).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="9/QĐ"
    )  # a bulk update: no signal, no save()

    items, after = google_items(client)
    assert set(items) == {kept.upc} and after["ETag"] != before["ETag"]
    assert client.get(reverse("feeds:google"), HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200
    meta = client.get(reverse("feeds:meta")).content.decode()
    assert kept.upc in meta and revoked.upc not in meta


def test_a_product_without_an_image_or_a_price_or_that_is_a_service_is_left_out_and_logged(client, caplog):
    whole = shown()
    no_image = ProductFactory()
    no_price = shown(stockrecords=None)
    tour = shown(ocop_group=ProductGroup.objects.get(code="du-lich"))
    ungrouped = shown(ocop_group=None)
    new_group = shown(ocop_group=ProductGroup.objects.create(code="moi", name="Nhóm mới", name_en="New"))

    with caplog.at_level("INFO", logger="feeds.items"):
        items, _ = google_items(client)

    assert set(items) == {whole.upc}
    logged = caplog.text
    assert f"{no_image.upc}" in logged and "no image" in logged
    assert f"{no_price.upc}" in logged and "no price" in logged
    assert f"{tour.upc}" in logged and "a service" in logged
    assert f"{ungrouped.upc}" in logged and f"{new_group.upc}" in logged and "no shopping category" in logged


def test_meta_rows_have_every_required_column_filled(client):
    shown(stockrecords__price=95000)
    shown()

    response = client.get(reverse("feeds:meta"))

    assert not response.content.startswith(b"\xef\xbb\xbf")  # Meta's importer reads the header as is
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    for row in rows:
        assert all(row[column] for column in META_REQUIRED), row
        assert PRICE.match(row["price"]) and row["availability"] in META_AVAILABILITY
    assert {row["price"] for row in rows} >= {"95000 VND"}


def test_feeds_are_gzipped_for_channels_that_accept_it(client):
    shown()
    response = client.get(reverse("feeds:google"), HTTP_ACCEPT_ENCODING="gzip, deflate")
    plain = client.get(reverse("feeds:google"))

    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain.content
    assert response["ETag"] != plain["ETag"]  # two representations, two tags
    again = client.get(
        reverse("feeds:google"), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


def test_a_producers_listing_sheet_holds_its_listable_products_only(client):
    producer = ProducerFactory()
    own = shown(producer=producer, stockrecords__price=120000)
    revoked = shown(producer=producer, certificate=None)
    revoked.certificates.create(
        decision=own.certificates.get().decision, stars=4, score=78, valid_from="2025-01-01",
        valid_until="2028-01-01", status=Certificate.Status.REVOKED, revoked_on="2026-01-02",
        revocation_decision_number="9/QĐ",
    )
    other = shown()

    sheet = client.get(reverse("feeds:producer", args=[producer.slug, "csv"]))
    workbook = client.get(reverse("feeds:producer", args=[producer.slug, "xlsx"]))

    rows = list(csv.DictReader(io.StringIO(sheet.content.decode("utf-8-sig"))))
    assert [row["sku"] for row in rows] == [own.upc]
    assert rows[0]["title"] == own.title and rows[0]["price_vnd"] == "120000" and rows[0]["images"]
    assert set(rows[0]) >= {"title", "description", "price_vnd", "stock", "images", "gtin", "weight_g"}
    assert other.upc not in sheet.content.decode()
    values = list(load_workbook(io.BytesIO(workbook.content)).active.values)
    assert values[1][0] == own.upc and len(values) == 2
    assert 'filename="ocop-' in sheet["Content-Disposition"]


def test_an_unknown_producer_has_no_sheet(client):
    assert client.get(reverse("feeds:producer", args=["khong-co", "csv"])).status_code == 404
    assert client.get("/feeds/producers/khong-co.pdf").status_code == 404
