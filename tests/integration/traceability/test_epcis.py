"""EPCIS 2.0 documents, exported and accepted, checked with GS1's JSON Schema and JSON-LD context."""

import pytest

from tests.factories import LotFactory, ProductFactory, RawMaterialAreaFactory
from tests.validators import expand_json_ld
from traceability.epcis import schema_errors
from traceability.models import TraceEvent

pytestmark = pytest.mark.django_db

BASE = "https://ocop.example.vn"
EPCIS = "https://ref.gs1.org/epcis/"
CBV = "https://ref.gs1.org/cbv/"


@pytest.fixture
def lot(settings):
    settings.PUBLIC_BASE_URL = BASE
    product = ProductFactory(gtin="8930000000019")
    area = RawMaterialAreaFactory(producer=product.producer)
    lot = LotFactory(product=product, code="L2026-07", quantity=500)
    lot.areas.add(area)
    steps = (("harvesting", "01", area), ("processing", "02", None), ("shipping", "04", None))
    for step, day, where in steps:
        TraceEvent.objects.create(
            lot=lot, step=step, occurred_at=f"2026-03-{day}T08:00+07:00", place="Xưởng", area=where,
            note="Sấy lạnh" if step == "processing" else "",
        )
    return lot


def _export(client, lot):
    response = client.get(f"/qr/lot/{lot.product.upc}/{lot.code}/epcis.jsonld")
    assert response.status_code == 200 and response["Content-Type"] == "application/ld+json"
    return response.json()


def test_the_lot_export_passes_gs1s_epcis_2_schema(client, lot):
    document = _export(client, lot)

    assert schema_errors(document) == []
    events = document["epcisBody"]["eventList"]
    assert [e["bizStep"] for e in events] == ["commissioning", "ocop:processing", "shipping"]
    assert [e["disposition"] for e in events] == ["active", "in_progress", "in_transit"]
    assert events[0]["eventTimeZoneOffset"] == "+07:00"
    lot_uri = f"{BASE}/01/08930000000019/10/L2026-07"
    assert events[0]["quantityList"] == [{"epcClass": lot_uri, "quantity": 500}]


def test_the_schema_check_can_fail(client, lot):
    """Not a check that always passes: the old export's bare "harvesting" is refused."""
    document = _export(client, lot)
    document["epcisBody"]["eventList"][0]["bizStep"] = "harvesting"
    del document["epcisBody"]["eventList"][1]["eventTime"]

    errors = schema_errors(document)

    assert any("eventTime" in error for error in errors)
    assert any("harvesting" in error for error in errors)


def test_the_export_expands_to_cbv_and_location_iris(client, lot):
    expanded = expand_json_ld(_export(client, lot))
    events = expanded[0][f"{EPCIS}epcisBody"][0][f"{EPCIS}eventList"]  # a set: found by their action
    harvest = next(e for e in events if e[f"{EPCIS}action"] == [{"@value": "ADD"}])
    processing = next(e for e in events if f"{BASE}/ns/ocop#note" in e)

    assert harvest[f"{EPCIS}bizStep"] == [{"@id": f"{CBV}BizStep-commissioning"}]
    assert harvest[f"{EPCIS}disposition"] == [{"@id": f"{CBV}Disp-active"}]
    area = lot.areas.get()
    assert harvest[f"{EPCIS}readPoint"][0]["@id"] == f"{BASE}/vung-nguyen-lieu/{area.pk}/"
    assert processing[f"{EPCIS}bizStep"] == [{"@id": f"{BASE}/ns/ocop#processing"}]
    assert processing[f"{BASE}/ns/ocop#note"] == [{"@value": "Sấy lạnh"}]


def test_location_and_namespace_iris_resolve_to_pages(client, lot):
    area = lot.areas.get()

    area_page = client.get(f"/vung-nguyen-lieu/{area.pk}/")
    namespace = client.get("/ns/ocop")

    assert area_page.status_code == 200 and area.name in area_page.content.decode()
    assert namespace.status_code == 200 and 'id="processing"' in namespace.content.decode()
    assert client.get("/vung-nguyen-lieu/999999/").status_code == 404
