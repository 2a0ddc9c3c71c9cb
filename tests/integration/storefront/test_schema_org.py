"""schema.org data of the public pages, parsed from the real pages, with each type's required properties
(the ones search engines ask for: Google's Product, Organization, LocalBusiness, Event, BreadcrumbList)."""

import json
import re

import pytest

from tests.factories import (
    ExhibitorFactory,
    ProductFactory,
    SalesPointFactory,
    TradeFairFactory,
    producer_page,
)

pytestmark = pytest.mark.django_db

REQUIRED = {
    "Product": {"name", "sku", "url", "image", "description", "brand", "offers"},
    "Offer": {
        "price", "priceCurrency", "availability", "priceValidUntil", "shippingDetails",
        "hasMerchantReturnPolicy",
    },
    "OfferShippingDetails": {"shippingRate", "shippingDestination", "deliveryTime"},
    "MerchantReturnPolicy": {"applicableCountry", "returnPolicyCategory", "merchantReturnDays"},
    "Organization": {"name"},
    "Store": {"name", "url", "address", "geo", "openingHoursSpecification"},
    "Event": {"name", "url", "startDate", "endDate", "location", "eventStatus", "organizer"},
    "BreadcrumbList": {"itemListElement"},
}


def json_ld(client, url) -> dict:
    html = client.get(url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    blocks = [json.loads(script) for script in scripts]
    return {block["@type"]: block for block in blocks}


def missing(data) -> dict:
    """Required properties absent anywhere in ``data``, by type."""
    found = {}
    if isinstance(data, dict):
        lacking = REQUIRED.get(data.get("@type"), set()) - data.keys()
        if lacking:
            found[data["@type"]] = lacking
        for value in data.values():
            found.update(missing(value))
    elif isinstance(data, list):
        for value in data:
            found.update(missing(value))
    return found


def test_product_has_gtin_offer_with_shipping_and_returns_and_breadcrumbs(client, settings):
    product = ProductFactory(gtin="8930000000019", stockrecords__price=45000)
    image = product.images.create(original="images/muoi.jpg", display_order=0)
    assert image

    blocks = json_ld(client, product.get_absolute_url())

    assert missing(blocks) == {}
    data = blocks["Product"]
    assert data["gtin"] == "8930000000019"
    assert data["offers"]["priceValidUntil"] == product.current_certificate().valid_until.isoformat()
    rate = data["offers"]["shippingDetails"]["shippingRate"]
    dearest = max(settings.SHIPPING_FEES_VND.values())
    assert rate == {"@type": "MonetaryAmount", "value": dearest, "currency": "VND"}
    assert data["offers"]["hasMerchantReturnPolicy"]["merchantReturnDays"] == settings.RETURN_WINDOW_DAYS
    assert "aggregateRating" not in data  # no reviews yet
    crumbs = blocks["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3] and crumbs[-1]["item"] == data["url"]


def test_producer_page_is_an_organization(client):
    page = producer_page(ProductFactory().producer)

    blocks = json_ld(client, page.url)

    assert missing(blocks) == {}
    assert blocks["Organization"]["name"] == page.producer.name
    assert blocks["Organization"]["url"].endswith(page.url)
    assert blocks["Organization"]["address"]["addressRegion"] == page.producer.province_name


def test_sales_point_is_a_store_with_geo_and_opening_hours(client):
    point = SalesPointFactory(opening_hours="07:30–17:00")

    blocks = json_ld(client, point.get_absolute_url())

    assert missing(blocks) == {}
    assert blocks["Store"]["geo"]["latitude"] == float(point.latitude)
    (hours,) = blocks["Store"]["openingHoursSpecification"]
    assert (hours["opens"], hours["closes"], len(hours["dayOfWeek"])) == ("07:30", "17:00", 7)


def test_opening_hours_not_written_as_a_time_range_are_left_out_not_guessed(client):
    point = SalesPointFactory(opening_hours="Theo mùa lễ hội")

    assert "openingHoursSpecification" not in json_ld(client, point.get_absolute_url())["Store"]


def test_fair_is_an_event_with_its_exhibitors(client):
    exhibitor = ExhibitorFactory(fair=TradeFairFactory())

    blocks = json_ld(client, exhibitor.fair.get_absolute_url())

    assert missing(blocks) == {}
    assert blocks["Event"]["performer"] == [{"@type": "Organization", "name": exhibitor.producer.name}]
