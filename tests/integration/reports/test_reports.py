from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from access.models import TradeOfficer
from catalogue.certification import local_today
from catalogue.models import Certificate
from reports import tables as reports
from tests.checkout import add_to_basket, fill_guest_checkout, place_order
from tests.factories import CertificateFactory, ProductFactory, SalesPointFactory, SalesPointStockFactory

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


def test_two_points_of_one_commune_count_as_two_and_empty_communes_are_listed(client, officer):
    """Regression: grouping by commune also grouped by the points' default ordering (name): 1 each."""
    SalesPointFactory(name="Điểm OCOP Vàm Sát")
    SalesPointFactory(name="Điểm OCOP chợ Cần Thạnh")

    rows = dict(reports.sales_points_by_commune(79)[1])
    without = [name for [name] in reports.communes_without_sales_point(79)[1]]

    assert rows["Xã Cần Giờ"] == 2
    assert "Xã Thạnh An" in without and "Xã Cần Giờ" not in without


def test_the_dashboard_draws_every_report_for_the_officers_province(client, officer):
    ProductFactory(title="Muối hạt Cần Giờ")
    ProductFactory(origin_province_code=46, origin_commune_code=None, producer__province_code=46,
                   producer__commune_code=None)

    page = client.get("/cms/ocop/reports/")

    assert page.status_code == 200
    sections = {section["report"].slug: section for section in page.context["sections"]}
    assert set(sections) == set(reports.REPORTS)
    assert sections["stars"]["rows"] == [["4★", 1]]  # the Huế product is not the officer's
    assert sections["stars"]["bars"] == [("4★", 1, 100)]
    assert "Thành phố Hồ Chí Minh" in page.content.decode()


def test_orders_and_revenue_per_producer_and_pickup_point(client, officer):
    salt = ProductFactory(title="Muối hạt Cần Giờ", stockrecords__price=30000)
    point = SalesPointFactory(name="Điểm OCOP Vàm Sát")
    SalesPointStockFactory(sales_point=point, product=salt)
    shopper = Client()
    add_to_basket(shopper, salt, 2)
    fill_guest_checkout(shopper)
    shopper.post(reverse("checkout:shipping-method"), {"method_code": f"pickup-{point.pk}"})
    place_order(shopper)

    producers = reports.orders_by_producer(79)[1]
    points = reports.orders_by_sales_point(79)[1]

    assert producers == [[salt.producer.partner.name, 1, 60000]]
    assert points == [["Điểm OCOP Vàm Sát", 1, 60000]]
    assert reports.orders_by_sales_point(46)[1] == []


def test_expiring_certificates_report_lists_those_ending_within_the_window(client, officer):
    soon = ProductFactory(title="Mắm tôm chà Gò Công", certificate=None)
    CertificateFactory(product=soon, valid_until=local_today() + timedelta(days=20))
    later = ProductFactory(title="Bánh tráng Trảng Bàng", certificate=None)
    CertificateFactory(product=later, valid_until=local_today() + timedelta(days=60))

    in_30 = [row[0] for row in reports.expiring_certificates(79, days=30)[1]]
    in_90 = [row[0] for row in reports.expiring_certificates(79, days=90)[1]]

    assert in_30 == ["Mắm tôm chà Gò Công"] and in_90 == ["Mắm tôm chà Gò Công", "Bánh tráng Trảng Bàng"]


def test_a_superuser_chooses_the_province_and_an_officer_cannot(client, officer, admin_client):
    SalesPointFactory()
    hue = admin_client.get("/cms/ocop/reports/sales-points.csv?province=46").content.decode("utf-8-sig")
    own = client.get("/cms/ocop/reports/sales-points.csv?province=46").content.decode("utf-8-sig")

    assert "Phường An Cựu" in hue and "Xã Cần Giờ" not in hue
    assert "Xã Cần Giờ" in own  # the officer still gets their own province
