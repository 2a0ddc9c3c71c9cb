"""A producer keeps its own raw-material areas, lots and events in /cms/, and nobody else's."""

from datetime import timedelta

import pytest

from access import grants
from catalogue.certification import local_today
from tests.factories import LotFactory, ProducerFactory, ProductFactory, RawMaterialAreaFactory, producer_page
from traceability import models
from traceability.models import Lot, RawMaterialArea, TraceEvent

pytestmark = pytest.mark.django_db

HCM, CAN_GIO, HUE, HUE_COMMUNE = 79, 27664, 46, 19960
SNIPPETS = "/cms/snippets/traceability"


def _producer_user(django_user_model, name, province, commune):
    place = {"province_code": province, "commune_code": commune}
    producer = ProducerFactory(name=f"HTX {name}", slug=f"htx-{name}", **place)
    user = django_user_model.objects.create_user(f"chu-{name}", f"{name}@htx.vn", "pw")
    producer_page(producer)
    grants.add_producer_user(user, producer)
    return producer, user


@pytest.fixture
def a(django_user_model):
    producer, user = _producer_user(django_user_model, "a", HCM, CAN_GIO)
    return producer, user, ProductFactory(producer=producer, title="Muối Cần Giờ")


@pytest.fixture
def b(django_user_model):
    producer, user = _producer_user(django_user_model, "b", HUE, HUE_COMMUNE)
    product = ProductFactory(producer=producer, title="Mè xửng Huế", origin_province_code=HUE)
    return producer, user, product, LotFactory(product=product, code="HUE-01")


def _area_form(producer, **fields):
    return {"producer": producer.pk, "name": "Ruộng muối Lý Nhơn", "kind": "harvesting", "area_code": "CG-14",
            "province_code": producer.province_code, "commune_code": CAN_GIO, "hectares": "12.5", **fields}


def _lot_form(product, area=None, **fields):
    return {"product": product.pk, "code": "L-01", "produced_on": local_today().isoformat(), "quantity": 200,
            **({"areas": [area.pk]} if area else {}), **fields}


def _event_form(lot, days_after=0, **fields):
    when = lot.produced_on + timedelta(days=days_after)
    return {"lot": lot.pk, "step": "packing", "occurred_at": f"{when.isoformat()} 08:00", "place": "Xưởng",
            **fields}


def test_a_producer_records_an_area_a_lot_and_its_events(client, a):
    producer, user, product = a
    client.force_login(user)

    form = client.get(f"{SNIPPETS}/rawmaterialarea/add/").content.decode()
    assert "Xã Cần Giờ" in form and "Phường An Cựu" not in form  # its own province's communes
    assert client.post(f"{SNIPPETS}/rawmaterialarea/add/", _area_form(producer)).status_code == 302
    area = RawMaterialArea.objects.get(producer=producer)
    assert client.post(f"{SNIPPETS}/lot/add/", _lot_form(product, area)).status_code == 302
    lot = Lot.objects.get(product=product)
    for step, day in (("harvesting", 0), ("packing", 2)):
        assert client.post(f"{SNIPPETS}/traceevent/add/", _event_form(lot, day, step=step)).status_code == 302

    assert list(lot.areas.all()) == [area]
    steps = TraceEvent.objects.filter(lot=lot).values_list("step", flat=True)
    assert list(steps) == ["harvesting", "packing"]


def test_bad_input_gets_a_clear_message_and_changes_nothing(client, a):
    producer, user, product = a
    client.force_login(user)
    lot = LotFactory(product=product, code="L-01")

    outside = client.post(f"{SNIPPETS}/rawmaterialarea/add/",
                          _area_form(producer, province_code=HUE, commune_code=HUE_COMMUNE))
    duplicate = client.post(f"{SNIPPETS}/lot/add/", _lot_form(product, code="L-01"))
    early = client.post(f"{SNIPPETS}/traceevent/add/", _event_form(lot, -3))
    backwards = client.post(f"{SNIPPETS}/lot/add/", _lot_form(
        product, code="L-02", expires_on=(local_today() - timedelta(days=1)).isoformat()))

    province = {"province": "Thành phố Hồ Chí Minh"}
    assert str(models.AREA_OUTSIDE_PROVINCE % province) in outside.content.decode()
    assert str(models.DUPLICATE_LOT) in duplicate.content.decode()
    assert "trước ngày sản xuất của lô" in early.content.decode()
    assert str(models.EXPIRES_BEFORE_PRODUCED) in backwards.content.decode()
    assert 'value="Ruộng muối Lý Nhơn"' in outside.content.decode()  # what was typed is kept
    assert (RawMaterialArea.objects.count(), Lot.objects.count(), TraceEvent.objects.count()) == (0, 1, 0)


def test_another_producers_rows_are_out_of_reach_by_url_and_by_crafted_post(client, a, b):
    producer, user, product = a
    b_producer, _b_user, b_product, b_lot = b
    b_area = RawMaterialAreaFactory(producer=b_producer, province_code=HUE, commune_code=HUE_COMMUNE)
    client.force_login(user)

    listed = client.get(f"{SNIPPETS}/lot/").content.decode()
    assert "HUE-01" not in listed
    assert client.get(f"{SNIPPETS}/lot/edit/{b_lot.pk}/").status_code == 403
    assert client.post(f"{SNIPPETS}/lot/edit/{b_lot.pk}/", _lot_form(product, code="X")).status_code == 403
    crafted = [
        client.post(f"{SNIPPETS}/lot/add/", _lot_form(b_product, code="TROM")),
        client.post(f"{SNIPPETS}/lot/add/", _lot_form(product, b_area, code="TROM")),
        client.post(f"{SNIPPETS}/traceevent/add/", _event_form(b_lot)),
        client.post(f"{SNIPPETS}/rawmaterialarea/add/", _area_form(b_producer)),
    ]

    assert [response.status_code for response in crafted] == [200] * 4  # the form again, with its error
    assert not Lot.objects.filter(code="TROM").exists() and not TraceEvent.objects.exists()
    assert RawMaterialArea.objects.count() == 1
    b_lot.refresh_from_db()
    assert b_lot.code == "HUE-01"
