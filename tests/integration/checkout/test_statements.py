"""Bank statements uploaded in the dashboard: checked whole, previewed, then applied as previewed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.models import BankNotice
from checkout.reconciliation import payment_reference
from formats.spreadsheets import to_csv, to_xlsx
from tests.checkout import place_transfer_order
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
HEADERS = ["Ngày", "Số tiền", "Nội dung", "Mã giao dịch"]


@pytest.fixture
def order(client):
    return place_transfer_order(client, ProductFactory(stockrecords__price=120000))


def _upload(admin_client, rows, name="sao-ke.csv"):
    content = to_xlsx(HEADERS, rows, title="Sao kê") if name.endswith(".xlsx") else to_csv(HEADERS, rows)
    return admin_client.post(reverse("dashboard:bank-statement"), {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("name", ["sao-ke.csv", "sao-ke.xlsx"])
def test_a_statement_is_previewed_then_applied_as_previewed(admin_client, order, name):
    due = f"{int(order.total_incl_tax):,}".replace(",", ".")
    rows = [
        ["04/12/2026", due, f"IBFT {payment_reference(order.number).lower()} thanh toan", "FT001"],
        ["04/12/2026", "50.000", "ung ho", "FT002"],
    ]
    preview = _upload(admin_client, rows, name)

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Khớp đơn, đã thanh toán" in page and "Không khớp đơn nào" in page
    assert BankNotice.objects.count() == 0
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán"  # nothing written by the preview

    admin_client.post(reverse("dashboard:bank-statement"), {"confirm": "1"})
    order.refresh_from_db()
    assert order.status == "Đã thanh toán"
    assert sorted(BankNotice.objects.values_list("bank_reference", "outcome")) == [
        ("FT001", "paid"), ("FT002", "unmatched")]


def test_a_statement_with_bad_rows_is_rejected_whole_with_each_rows_error(admin_client, order):
    rows = [
        ["04/12/2026", str(int(order.total_incl_tax)), payment_reference(order.number), "FT001"],
        ["32/13/2026", "100000", "x", "FT002"],
        ["04/12/2026", "-5000", "x", "FT003"],
        ["04/12/2026", "1000", "x", ""],
        ["04/12/2026", "1000", "x", "FT001"],
    ]
    page = _upload(admin_client, rows).content.decode()

    for line in ("Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6"):
        assert line in page
    assert "Dòng 2:" not in page
    assert BankNotice.objects.count() == 0
    order.refresh_from_db()
    assert order.status == "Chờ thanh toán"


def test_a_statement_missing_columns_or_not_a_table_is_refused(admin_client):
    missing = admin_client.post(reverse("dashboard:bank-statement"), {
        "file": SimpleUploadedFile("sao-ke.csv", to_csv(["Ngày", "Số tiền"], [["04/12/2026", "1000"]]))})
    not_xlsx = admin_client.post(reverse("dashboard:bank-statement"), {
        "file": SimpleUploadedFile("sao-ke.xlsx", b"PK\x03\x04 not really")})
    assert "Thiếu cột bắt buộc" in missing.content.decode()
    assert not_xlsx.context["form"].errors or not_xlsx.context.get("errors")
    assert BankNotice.objects.count() == 0


def test_confirming_without_a_previewed_file_changes_nothing(admin_client):
    response = admin_client.post(reverse("dashboard:bank-statement"), {"confirm": "1"}, follow=True)
    assert "Không còn tệp chờ xác nhận" in response.content.decode()
    assert BankNotice.objects.count() == 0


def test_a_statement_with_control_characters_is_refused(admin_client, order):
    in_csv = _upload(admin_client, [["04/12/2026", "1000", "x\x00y", "FT001"]])
    bell = _upload(admin_client, [["04/12/2026", "1000", "x\x07y", "FT001"]])
    assert "Nội dung tệp không phải CSV" in in_csv.content.decode()  # NUL: not a text file at all
    assert "Dòng 2: Có ký tự điều khiển" in bell.content.decode()
    assert BankNotice.objects.count() == 0
