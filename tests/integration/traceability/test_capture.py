"""EPCIS capture: a producer's token sends EPCIS 2.0 documents for its own lots, all or nothing."""

import json
from datetime import date

import pytest

from tests.factories import LotFactory, ProductFactory, RawMaterialAreaFactory
from traceability.capture import token_create
from traceability.epcis import schema_errors
from traceability.models import CaptureToken, TraceEvent

pytestmark = pytest.mark.django_db

BASE = "https://ocop.example.vn"
CONTEXT = ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ocop": f"{BASE}/ns/ocop#"}]


@pytest.fixture
def lot(settings):
    settings.PUBLIC_BASE_URL = BASE
    product = ProductFactory(gtin="8930000000019")
    return LotFactory(product=product, code="L2026-01", produced_on=date(2026, 3, 1))


@pytest.fixture
def key(lot):
    return token_create(producer=lot.product.producer, name="Máy đóng gói", user=None)[1]


def _event(epc_class=f"{BASE}/01/08930000000019/10/L2026-01", **overrides):
    return {
        "type": "ObjectEvent",
        "eventTime": "2026-03-05T09:00:00+07:00",
        "eventTimeZoneOffset": "+07:00",
        "action": "OBSERVE",
        "bizStep": "packing",
        "quantityList": [{"epcClass": epc_class, "quantity": 200}],
        "ocop:place": "Xưởng đóng gói Cần Giờ",
        **overrides,
    }


def _document(*events):
    return {
        "@context": CONTEXT, "type": "EPCISDocument", "schemaVersion": "2.0",
        "creationDate": "2026-03-05T09:01:00+07:00", "epcisBody": {"eventList": list(events)},
    }


def _capture(client, document, key):
    return client.post(
        "/api/v1/epcis/capture", json.dumps(document), content_type="application/ld+json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


def test_a_valid_document_for_its_own_lot_is_stored_and_shown(client, lot, key):
    processing = _event(bizStep="ocop:processing", **{"ocop:note": "Sấy lạnh 48 giờ"})

    response = _capture(client, _document(_event(), processing), key)

    assert response.status_code == 201 and response.json() == {"captured": 2}
    assert [(e.step, e.place) for e in lot.events.order_by("pk")] == [
        ("packing", "Xưởng đóng gói Cần Giờ"), ("processing", "Xưởng đóng gói Cần Giờ"),
    ]
    page = client.get("/01/08930000000019/10/L2026-01").content.decode()
    assert "Sấy lạnh 48 giờ" in page
    exported = client.get(f"/qr/lot/{lot.product.upc}/L2026-01/epcis.jsonld").json()
    assert schema_errors(exported) == []


@pytest.mark.parametrize(
    "broken, said",
    [
        (lambda d: d["epcisBody"]["eventList"][0].pop("eventTime"), "eventTime"),
        (lambda d: d["epcisBody"]["eventList"][0].update(bizStep="harvesting"), "harvesting"),
        (lambda d: d.update(type="EPCISQueryDocument"), ""),
    ],
)
def test_a_document_failing_the_schema_is_refused_with_the_validators_message(client, lot, key, broken, said):
    document = _document(_event(), _event())
    broken(document)

    response = _capture(client, document, key)

    assert response.status_code == 400
    assert said in json.dumps(response.json(), ensure_ascii=False)
    assert not TraceEvent.objects.exists()


def test_one_event_for_another_producers_lot_refuses_the_whole_document(client, lot, key):
    LotFactory(product=ProductFactory(gtin="8930000000026"), code="L2026-01")
    other = f"{BASE}/01/08930000000026/10/L2026-01"

    response = _capture(client, _document(_event(), _event(epc_class=other)), key)

    assert response.status_code == 400 and "Sự kiện 2" in response.json()["detail"]
    assert not TraceEvent.objects.exists()


@pytest.mark.parametrize("epc_class", ["https://elsewhere.example/01/08930000000019/10/L2026-01", "urn:x:1"])
def test_an_item_that_is_not_one_of_our_lots_is_refused(client, lot, key, epc_class):
    assert _capture(client, _document(_event(epc_class=epc_class)), key).status_code == 400
    assert not TraceEvent.objects.exists()


def test_a_cbv_step_we_do_not_keep_is_refused_with_the_steps_we_do(client, lot, key):
    response = _capture(client, _document(_event(bizStep="destroying")), key)

    assert response.status_code == 400 and "commissioning" in response.json()["detail"]


@pytest.mark.parametrize("authorization", ["", "Bearer wrong", "Basic abc"])
def test_no_or_a_wrong_token_is_401_and_stores_nothing(client, lot, authorization):
    response = client.post(
        "/api/v1/epcis/capture", json.dumps(_document(_event())), content_type="application/json",
        HTTP_AUTHORIZATION=authorization,
    )

    assert response.status_code == 401
    assert not TraceEvent.objects.exists()


def test_a_revoked_token_is_refused(client, lot, key):
    CaptureToken.objects.update(revoked_at="2026-01-01T00:00+07:00")

    assert _capture(client, _document(_event()), key).status_code == 401


def test_a_body_that_is_not_json_is_400(client, lot, key):
    response = client.post(
        "/api/v1/epcis/capture", b"\xff not json", content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 400


def test_a_producer_makes_and_revokes_its_own_keys_in_cms_only(client, producer_user, lot):
    lot.product.producer.partner.users.add(producer_user)
    other = ProductFactory().producer
    client.force_login(producer_user)

    form = client.get("/cms/ocop/epcis-keys/").content.decode()
    assert f'<option value="{lot.product.producer.pk}" selected>' in form  # its only producer, chosen
    own = {"producer": lot.product.producer.pk, "name": "Cân"}
    made = client.post("/cms/ocop/epcis-keys/", own, follow=True)
    key = next(str(m) for m in made.context["messages"]).rsplit(" ", 1)[1]
    refused = client.post("/cms/ocop/epcis-keys/", {"producer": other.pk, "name": "Cân"})

    assert _capture(client, _document(_event()), key).status_code == 201
    assert refused.status_code == 200 and not CaptureToken.objects.filter(producer=other).exists()
    token = CaptureToken.objects.get()
    client.post("/cms/ocop/epcis-keys/", {"revoke": token.pk})
    assert _capture(client, _document(_event()), key).status_code == 401


def test_an_event_at_one_of_its_areas_is_kept_with_the_area_and_exported_back(client, lot, key):
    area = RawMaterialAreaFactory(producer=lot.product.producer, name="Ruộng muối Lý Nhơn")
    someone_elses = RawMaterialAreaFactory()
    at_area = {"id": f"{BASE}/vung-nguyen-lieu/{area.pk}/"}
    harvest = _event(bizStep="commissioning", action="ADD", readPoint=at_area)
    harvest.pop("ocop:place")
    elsewhere = _event(readPoint={"id": f"{BASE}/vung-nguyen-lieu/{someone_elses.pk}/"})

    assert _capture(client, _document(harvest, elsewhere), key).status_code == 201

    kept, not_linked = lot.events.order_by("pk")
    assert (kept.area, kept.place, kept.step) == (area, "Ruộng muối Lý Nhơn", "harvesting")
    assert not_linked.area is None  # another producer's area is not linked, only named as sent
    exported = client.get(f"/qr/lot/{lot.product.upc}/L2026-01/epcis.jsonld").json()["epcisBody"]["eventList"]
    assert exported[0]["readPoint"] == {"id": f"{BASE}/vung-nguyen-lieu/{area.pk}/"}
