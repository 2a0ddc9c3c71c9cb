"""Open data a portal can harvest: the register (CSV, JSON), the decisions' Atom feed, DCAT-AP."""

import csv
import io
from datetime import date
from xml.etree import ElementTree

import pytest
from pyld import jsonld

from catalogue.certification import local_today
from catalogue.models import Certificate
from tests.factories import CertificateFactory, ProductFactory, RecognitionDecisionFactory

pytestmark = pytest.mark.django_db

BASE = "https://ocop.example.vn"
ATOM = "{http://www.w3.org/2005/Atom}"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.PUBLIC_BASE_URL = BASE


def test_the_register_lists_listable_products_in_csv_and_json(client):
    listable = ProductFactory(title="Muối hạt Cần Giờ")
    revoked = ProductFactory(certificate=None)
    CertificateFactory(product=revoked, revoked=True)

    rows = list(csv.DictReader(io.StringIO(client.get("/feeds/san-pham-ocop.csv").content.decode())))
    data = client.get("/feeds/san-pham-ocop.json").json()

    certificate = listable.certificates.get()
    expected = {
        "code": listable.upc, "name": "Muối hạt Cần Giờ", "producer": listable.producer.name,
        "stars": str(certificate.stars), "group": listable.ocop_group.name,
        "province": listable.origin_province_name, "certificate_number": certificate.decision.number,
        "valid_until": certificate.valid_until.isoformat(), "status": "active",
    }
    assert rows == [expected]
    assert data["products"] == [{**expected, "stars": certificate.stars}]
    assert data["fields"] == list(expected)


def test_a_bulk_revocation_leaves_the_register_on_the_next_request(client):
    product = ProductFactory()
    assert client.get("/feeds/san-pham-ocop.json").json()["products"]

    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on=local_today(), revocation_decision_number="66/QĐ-UBND"
    )

    assert client.get("/feeds/san-pham-ocop.json").json()["products"] == []


def test_the_atom_feed_has_one_entry_per_decision_newest_first(client):
    older = RecognitionDecisionFactory(number="10/QĐ-UBND", decision_date=date(2025, 3, 1))
    newer = RecognitionDecisionFactory(number="20/QĐ-UBND", decision_date=date(2025, 9, 1))
    for decision in (older, older, newer):
        CertificateFactory(product=ProductFactory(certificate=None), decision=decision)
    revoked = [CertificateFactory(product=ProductFactory(certificate=None), decision=older) for _ in range(2)]
    Certificate.objects.filter(pk__in=[c.pk for c in revoked]).update(
        status=Certificate.Status.REVOKED, revoked_on="2025-11-15", revocation_decision_number="45/QĐ-UBND",
        revocation_reason="Không đánh giá lại",
    )

    response = client.get("/feeds/quyet-dinh.atom")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.find(f"{ATOM}id") is not None and feed.find(f"{ATOM}updated") is not None
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    numbers = ["45/QĐ-UBND", "20/QĐ-UBND", "10/QĐ-UBND"]
    assert [t.split(":")[0] for t in titles] == [f"Quyết định {number}" for number in numbers]
    assert "thu hồi 2" in titles[0] and "công nhận 1" in titles[1] and "công nhận 4" in titles[2]
    assert "Không đánh giá lại" in entries[0].find(f"{ATOM}summary").text
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == 3 and all(entry.find(f"{ATOM}updated") is not None for entry in entries)


def test_the_dcat_description_names_every_distribution_and_each_resolves(client):
    ProductFactory()

    expanded = jsonld.expand(client.get("/feeds/dcat.jsonld").json())
    catalog = next(node for node in expanded if f"{DCAT}Catalog" in node["@type"])
    (dataset,) = catalog[f"{DCAT}dataset"]

    for node, properties in (
        (catalog, ("title", "description", "publisher")), (dataset, ("title", "description", "publisher")),
    ):
        assert all(f"{DCT}{name}" in node for name in properties)
    urls = [d[f"{DCAT}accessURL"][0]["@id"] for d in dataset[f"{DCAT}distribution"]]
    names = ("san-pham-ocop.csv", "san-pham-ocop.json", "quyet-dinh.atom")
    assert urls == [f"{BASE}/feeds/{name}" for name in names]
    assert all(client.get(url.removeprefix(BASE)).status_code == 200 for url in urls)
    assert dataset[f"{DCT}modified"][0]["@value"].startswith(local_today().replace(day=1).isoformat())


def test_every_page_footer_points_to_the_open_data(client):
    footer = client.get("/").content.decode().split('class="site-footer"')[1]

    for name in ("san-pham-ocop.csv", "san-pham-ocop.json", "quyet-dinh.atom", "dcat.jsonld"):
        assert f'href="/feeds/{name}"' in footer
