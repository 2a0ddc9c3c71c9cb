"""A write that fails half-way leaves nothing behind: imports, order placement and stock changes."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import importing
from catalogue.partner.models import StockRecord
from salespoints.models import SalesPoint
from tests.checkout import add_to_basket, fill_guest_checkout, place_order
from tests.factories import ProductFactory, SalesPointFactory, SalesPointStockFactory
from tests.integration.catalogue.test_import_ocop import _state
from tests.ocop_files import csv_bytes, ocop_row

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


class Interrupted(Exception):
    """Stands for a crash, a lost connection or a bug in the middle of a write."""


def _fail_on_call(number, real):
    calls = []

    def sometimes(*args, **kwargs):
        calls.append(1)
        if len(calls) == number:
            raise Interrupted
        return real(*args, **kwargs)

    return sometimes


def test_an_import_interrupted_after_some_rows_leaves_nothing(monkeypatch):
    rows = [ocop_row(n) for n in range(1, 4)]
    before = _state()
    monkeypatch.setattr(importing, "_create_certificate", _fail_on_call(3, importing._create_certificate))

    with pytest.raises(Interrupted):
        importing.import_ocop(csv_bytes(rows), "decisions.csv")

    assert _state() == before


def test_an_order_interrupted_while_taking_stock_is_not_placed_and_takes_none(client, monkeypatch):
    salt, fish = ProductFactory(title="Muối hạt Cần Giờ"), ProductFactory(title="Khô cá đù Cần Giờ")
    for product in (salt, fish):
        add_to_basket(client, product)
    fill_guest_checkout(client)
    monkeypatch.setattr(StockRecord, "allocate", _fail_on_call(2, StockRecord.allocate))

    response = place_order(client)  # Oscar logs the error and shows the preview again, with a message

    assert response.status_code == 200 and "preview" in response.templates[0].name
    assert not Order.objects.exists()
    assert [s.num_allocated or 0 for s in StockRecord.objects.filter(product__in=[salt, fish])] == [0, 0]
    monkeypatch.undo()  # the shopper tries again: the basket is still there, whole
    assert place_order(client).status_code == 200 and Order.objects.get().lines.count() == 2


def test_a_stock_update_interrupted_half_way_keeps_the_old_hours_and_stock(admin_client, monkeypatch):
    point = SalesPointFactory(opening_hours="7:00–17:00")
    line = SalesPointStockFactory(sales_point=point, quantity=5)
    url = reverse("salespoints:keep", kwargs={"slug": point.slug})
    form = admin_client.get(url).context["stock"]
    data = {
        "hours-opening_hours": "6:00–20:00",
        **{f"{form.prefix}-{key}": value for key, value in form.management_form.initial.items()},
        f"{form.prefix}-0-id": line.pk,
        f"{form.prefix}-0-level": "in_stock",
        f"{form.prefix}-0-quantity": 50,
    }
    monkeypatch.setattr(type(form), "save", _fail_on_call(1, type(form).save))

    with pytest.raises(Interrupted):
        admin_client.post(url, data)

    assert SalesPoint.objects.get(pk=point.pk).opening_hours == "7:00–17:00"
    line.refresh_from_db()
    assert line.quantity == 5
