from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from openpyxl import load_workbook

from catalogue.models import Certificate
from storefront.models import TradeOfficer
from tests.factories import ProductFactory, SalesPointFactory

pytestmark = pytest.mark.django_db


def _admin_user(django_user_model, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.vn", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def officer(client, django_user_model):
    user = _admin_user(django_user_model, "sct")
    TradeOfficer.objects.create(user=user, province_code=79)
    client.force_login(user)
    return user


def test_products_csv_counts_listable_products_with_vietnamese_intact(client, officer):
    ProductFactory()
    revoked = ProductFactory()
    Certificate.objects.filter(product=revoked).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="9/QĐ-UBND"
    )

    body = client.get("/cms/ocop/reports/products.csv").content

    assert body.startswith(b"\xef\xbb\xbf")
    assert body.decode("utf-8-sig").splitlines()[1] == "Thành phố Hồ Chí Minh,Thực phẩm,1"


def test_sales_points_xlsx_lists_every_commune_of_the_officers_province_with_its_count(client, officer):
    SalesPointFactory()  # Xã Cần Giờ

    workbook = load_workbook(BytesIO(client.get("/cms/ocop/reports/sales-points.xlsx").content))
    rows = {row[0]: row[1] for row in workbook.active.iter_rows(min_row=2, values_only=True)}

    assert rows["Xã Cần Giờ"] == 1 and rows["Xã Thạnh An"] == 0


def test_reports_are_refused_to_users_who_are_not_officers(client, django_user_model):
    client.force_login(_admin_user(django_user_model, "x"))

    assert client.get("/cms/ocop/reports/products.csv").status_code == 403
