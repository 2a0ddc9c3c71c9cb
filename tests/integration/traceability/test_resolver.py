"""The GS1-conformant resolver on product, lot and unit URIs: linkset, Link header, linkType redirects."""

import pytest

from catalogue.certification import local_today
from catalogue.models import Certificate
from tests.factories import (
    CertificateFactory,
    LotFactory,
    ProductFactory,
    RawMaterialAreaFactory,
    SalesPointStockFactory,
    StampFactory,
)
from tests.validators import invalid_digital_links
from traceability.models import Scan, TraceEvent

pytestmark = pytest.mark.django_db

BASE = "https://ocop.example.vn"
VOC = "https://gs1.org/voc/"
PRODUCT = "/01/08930000000019"
LOT = f"{PRODUCT}/10/L2026-01"


@pytest.fixture
def stamp(settings):
    settings.PUBLIC_BASE_URL = BASE
    product = ProductFactory(gtin="8930000000019")
    area = RawMaterialAreaFactory(producer=product.producer, name="Ruộng muối Lý Nhơn")
    lot = LotFactory(product=product, code="L2026-01")
    lot.areas.add(area)
    TraceEvent.objects.create(lot=lot, step="harvesting", occurred_at="2026-03-02T06:00+07:00", place="Ruộng")
    return StampFactory(lot=lot)


def _linkset(client, path, **headers):
    response = client.get(path, {"linkType": "all"}, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/linkset+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    (entry,) = response.json()["linkset"]
    return entry


@pytest.mark.parametrize("path", [PRODUCT, LOT, "stamp"])
def test_linkset_lists_each_link_of_product_lot_and_unit(client, stamp, path):
    path = f"{LOT}/21/{stamp.serial}" if path == "stamp" else path
    entry = _linkset(client, path)

    assert entry["anchor"] == f"{BASE}{path}"
    assert entry[f"{VOC}defaultLink"][0]["href"] == f"{BASE}{path}"
    assert entry[f"{VOC}pip"][0]["hreflang"] == ["vi", "en", "zh-hans", "ko"]
    certificate = entry[f"{VOC}certificationInfo"][0]["href"]
    assert certificate == f"{BASE}/api/v1/products/{stamp.lot.product.upc}/certificate/"
    assert entry[f"{VOC}productSustainabilityInfo"][0]["title"] == "Ruộng muối Lý Nhơn"
    assert entry[f"{VOC}traceability"][0]["type"] == "application/ld+json"
    assert invalid_digital_links([entry["anchor"]]) == []


def test_accept_linkset_json_gets_the_linkset_and_does_not_count_a_scan(client, stamp):
    response = client.get(f"{LOT}/21/{stamp.serial}", HTTP_ACCEPT="application/linkset+json")

    assert response.status_code == 200 and "linkset" in response.json()
    assert not Scan.objects.exists()


def test_the_default_response_is_the_page_with_a_link_header(client, stamp):
    response = client.get(PRODUCT)

    assert response.status_code == 200 and b"<html" in response.content
    linkset = f'<{BASE}{PRODUCT}?linkType=all>; rel="linkset"; type="application/linkset+json"'
    assert linkset in response["Link"]


@pytest.mark.parametrize("link_type", ["gs1:certificationInfo", f"{VOC}certificationInfo"])
def test_a_link_type_redirects_to_its_link(client, stamp, link_type):
    response = client.get(PRODUCT, {"linkType": link_type})

    assert response.status_code == 307
    assert response["Location"] == f"{BASE}/api/v1/products/{stamp.lot.product.upc}/certificate/"
    certificate = client.get(response["Location"].removeprefix(BASE)).json()
    stars = stamp.lot.product.certificates.get().stars
    assert certificate["status"] == "active" and certificate["stars"] == stars


def test_traceability_leads_to_the_lots_epcis_events(client, stamp):
    response = client.get(LOT, {"linkType": "gs1:traceability"})

    events = client.get(response["Location"].removeprefix(BASE))

    assert response.status_code == 307
    assert events["Content-Type"] == "application/ld+json"
    (event,) = events.json()["epcisBody"]["queryResults"]["resultsBody"]["eventList"]
    assert event["bizStep"] == "commissioning"


def test_a_link_type_the_item_lacks_is_404_and_a_bad_one_400(client, stamp):
    assert client.get(PRODUCT, {"linkType": "gs1:whereToBuy"}).status_code == 404  # stocked nowhere
    assert client.get(PRODUCT, {"linkType": "gs1:../x"}).status_code == 400
    assert client.get(PRODUCT, {"linkType": "gs1:recipeInfo"}).status_code == 404


def test_where_to_buy_appears_once_a_sales_point_stocks_it(client, stamp):
    SalesPointStockFactory(product=stamp.lot.product)

    entry = _linkset(client, PRODUCT)

    assert entry[f"{VOC}whereToBuy"][0]["href"] == f"{BASE}/diem-ban/?product={stamp.lot.product.upc}"
    assert entry[f"{VOC}hasRetailers"][0]["type"] == "application/json"


def test_a_revoked_product_keeps_its_page_but_loses_its_shop_links(client, stamp):
    stamp.lot.product.certificates.update(
        status=Certificate.Status.REVOKED, revoked_on=local_today(), revocation_decision_number="66/QĐ-UBND"
    )

    entry = _linkset(client, PRODUCT)

    assert len(entry[f"{VOC}pip"]) == 1  # the trace page only, no shop page
    assert f"{VOC}whereToBuy" not in entry


def test_well_known_describes_the_resolver(client, stamp):
    description = client.get("/.well-known/gs1resolver").json()

    assert description["resolverRoot"] == BASE
    assert description["supportedPrimaryKeys"] == ["01"]


def test_unknown_items_stay_404_for_machines_too(client, stamp):
    assert client.get("/01/08930000000026", {"linkType": "all"}).status_code == 404
    assert client.get("/q/AAAAAAAAAAAAAAAAAAAA", HTTP_ACCEPT="application/linkset+json").status_code == 404


def test_a_second_product_without_the_certificate_has_no_certification_link(client, stamp):
    bare = ProductFactory(gtin="8930000000026", uncertified=True)

    assert client.get("/01/08930000000026", {"linkType": "gs1:certificationInfo"}).status_code == 404
    CertificateFactory(product=bare)
    assert client.get("/01/08930000000026", {"linkType": "gs1:certificationInfo"}).status_code == 307


@pytest.mark.parametrize(
    ("accept", "cookie", "lang"),
    [("en-US,en;q=0.9", None, "en"), ("ko-KR,ko", None, "ko"), ("zh-CN,zh", None, "zh-hans"),
     ("fr-FR,fr", None, "vi"), ("en", "vi", "vi")],
)
def test_a_scanned_code_answers_in_the_phones_language_where_we_have_it(client, stamp, accept, cookie, lang):
    if cookie:
        client.cookies["django_language"] = cookie

    response = client.get(PRODUCT, HTTP_ACCEPT_LANGUAGE=accept)

    assert f'<html lang="{lang}">' in response.content.decode()
    assert "Accept-Language" in response["Vary"]


def test_an_area_page_reached_from_a_scan_keeps_the_phones_language(client, stamp):
    area = stamp.lot.areas.get()

    page = client.get(f"/vung-nguyen-lieu/{area.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="en">' in page


def test_shop_pages_reached_from_a_scan_keep_the_phones_language(client, stamp):
    page = client.get("/catalogue/", HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()

    assert '<html lang="en"' in page
