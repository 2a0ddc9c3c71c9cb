import pytest

from catalogue.models import Certificate
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _codes(response):
    return {item["code"] for item in response.json()["results"]}


def test_product_list_shows_listable_products_only(client):
    listable = ProductFactory(stockrecords__price=150000)
    revoked = ProductFactory(certificate=None)
    CertificateFactory(product=revoked, revoked=True)

    response = client.get("/api/v1/products/")

    assert response.status_code == 200
    assert _codes(response) == {listable.upc}
    item = response.json()["results"][0]
    assert item["stars"] == 4 and item["price_vnd"] == 150000
    assert item["certificate"]["status"] == "active"
    assert item["url"].endswith(listable.get_absolute_url())
    assert item["qr_png"].endswith(".png") and item["trace_url"]


def test_product_detail_answers_for_a_revoked_product_with_its_status(client):
    product = ProductFactory(certificate=None)
    certificate = CertificateFactory(product=product, revoked=True)

    body = client.get(f"/api/v1/products/{product.upc}/").json()

    assert body["listable"] is False and body["stars"] is None and body["price_vnd"] is None
    assert body["certificate"]["status"] == "revoked"
    assert body["certificate"]["revoked_on"] == certificate.revoked_on.isoformat()
    assert body["certificate"]["revocation_decision_number"] == certificate.revocation_decision_number


def test_expired_status_is_derived_from_dates(client):
    product = ProductFactory(certificate=None)
    CertificateFactory(product=product, expired=True)

    assert client.get(f"/api/v1/products/{product.upc}/").json()["certificate"]["status"] == "expired"


def test_unknown_product_code_is_404(client):
    assert client.get("/api/v1/products/NOPE/").status_code == 404


def test_filters_by_stars_group_and_province(client):
    four = ProductFactory()
    five = ProductFactory(certificate=None, origin_province_code=37, origin_commune_code=14638)
    CertificateFactory(product=five, stars=5, score=95)

    assert _codes(client.get("/api/v1/products/?stars=5")) == {five.upc}
    assert _codes(client.get("/api/v1/products/?province=Ninh Bình")) == {five.upc}
    assert _codes(client.get("/api/v1/products/?province=37")) == {five.upc}
    assert _codes(client.get("/api/v1/products/?group=thuc-pham")) == {four.upc, five.upc}
    assert _codes(client.get("/api/v1/products/?group=du-lich")) == set()


def test_a_revocation_removes_the_product_from_the_list_on_the_next_request(client):
    product = ProductFactory()
    assert _codes(client.get("/api/v1/products/")) == {product.upc}

    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="1/QĐ"
    )

    assert _codes(client.get("/api/v1/products/")) == set()


def test_pagination_links_and_constant_queries(client, django_assert_num_queries):
    ProductFactory.create_batch(5)
    # the page's clocks (the search's answer is kept under the listing clock it read), ids, count,
    # products and their prefetches
    with django_assert_num_queries(9) as small:
        first = client.get("/api/v1/products/?page_size=2").json()
    ProductFactory.create_batch(20)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/api/v1/products/?page_size=20")

    assert first["count"] == 5 and first["pages"] == 3 and first["previous"] is None
    assert "page=2" in first["next"]


def test_producers_list(client):
    product = ProductFactory()
    names = [p["name"] for p in client.get("/api/v1/producers/").json()["results"]]
    assert product.producer.name in names


def test_openapi_schema_describes_the_endpoints(client):
    schema = client.get("/api/v1/schema/").json()
    assert {"/api/v1/products/", "/api/v1/products/{code}/", "/api/v1/producers/"} <= set(schema["paths"])


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/products/NOPE/", 404),
        ("/api/v1/sales-points/?near=north", 422),
        ("/api/v1/sales-points/?near=91,10", 422),
        # A number is not the date-time the schema publishes (pydantic read it as a Unix time).
        ("/api/v1/epcis/events/?MATCH_anyEPCClass=x&GE_eventTime=1700000000", 422),
        ("/api/v1/epcis/events/?MATCH_anyEPCClass=x&LT_eventTime=-4.5", 422),
        # ... written with an exponent too (schemathesis drew 1.1794730617950135e-63)
        ("/api/v1/epcis/events/?MATCH_anyEPCClass=x&GE_eventTime=1.1794730617950135e-63", 422),
        ("/api/v1/epcis/events/?MATCH_anyEPCClass=x&GE_eventTime=inf", 422),
        ("/api/v1/products/?q=c%C3%A1%00", 400),
        ("/api/v1/products/?page=abc", 422),
        ("/api/v1/producers/?page_size=many", 422),
    ],
)
def test_every_client_error_answers_one_shape(client, url, status):
    response = client.get(url)

    assert response.status_code == status
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert set(body) <= {"detail", "errors"}


@pytest.mark.parametrize("resource", ["products", "producers", "sales-points", "fairs"])
def test_every_list_pages_the_same_way_and_a_page_past_the_end_is_the_last(client, resource):
    ProductFactory.create_batch(3)

    last = client.get(f"/api/v1/{resource}/?page_size=2&page=99").json()

    assert set(last) == {"count", "page", "pages", "next", "previous", "results"}
    assert last["page"] == last["pages"] and last["next"] is None
