"""Sales-point operators keep only their own point's stock and opening hours."""

import pytest

from access.models import TradeOfficer
from tests.factories import SalesPointFactory, SalesPointStockFactory

pytestmark = pytest.mark.django_db


def _form(line, *, level, quantity, hours="06:00–20:00"):
    return {
        "hours-opening_hours": hours,
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1",
        "form-0-id": str(line.pk), "form-0-level": level, "form-0-quantity": str(quantity),
    }


@pytest.fixture
def line():
    return SalesPointStockFactory(sales_point__province_code=79)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("operator of this point", 302),
        ("operator of another point", 403),
        ("trade officer of the province", 302),
        ("trade officer of another province", 403),
        ("shopper", 403),
    ],
)
def test_only_the_points_operators_and_officers_may_keep_its_stock(
    client, django_user_model, line, who, status
):
    user = django_user_model.objects.create_user("u", "u@example.vn", "pw")
    if who == "operator of this point":
        line.sales_point.operators.add(user)
    elif who == "operator of another point":
        SalesPointFactory().operators.add(user)
    elif who.startswith("trade officer"):
        TradeOfficer.objects.create(user=user, province_code=79 if who.endswith("the province") else 46)
    client.force_login(user)

    url = f"{line.sales_point.get_absolute_url()}quan-ly/"
    response = client.post(url, _form(line, level="low", quantity=3))

    assert response.status_code == status
    line.refresh_from_db()
    assert (line.level, line.quantity) == (("low", 3) if status == 302 else ("in_stock", 12))


def test_operator_saves_hours_and_a_negative_quantity_is_refused(client, django_user_model, line):
    user = django_user_model.objects.create_user("u", "u@example.vn", "pw")
    line.sales_point.operators.add(user)
    client.force_login(user)
    url = f"{line.sales_point.get_absolute_url()}quan-ly/"

    refused = client.post(url, _form(line, level="low", quantity=-1, hours="05:00–22:00"))
    assert "Số lượng không được âm." in refused.content.decode()
    line.sales_point.refresh_from_db()
    assert line.sales_point.opening_hours == "07:30–17:00"

    client.post(url, _form(line, level="out", quantity=0, hours="05:00–22:00"))
    line.sales_point.refresh_from_db()
    assert line.sales_point.opening_hours == "05:00–22:00"


def test_anonymous_visitors_are_sent_to_log_in(client, line):
    assert client.get(f"{line.sales_point.get_absolute_url()}quan-ly/").status_code == 302
