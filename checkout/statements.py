"""Bank statements staff upload (CSV or XLSX): each incoming row becomes a bank notice.

Columns, in Vietnamese or English, with or without accents: ``ngay`` (date), ``so_tien``
(amount), ``noi_dung`` (description), ``ma_giao_dich`` (bank reference). Every row is checked
first; one bad row rejects the whole file with each row's error. A good file is previewed
(applied inside a transaction that is rolled back) and then applied exactly as previewed.
"""

import json
import re
import unicodedata
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.models import BankNotice
from checkout.reconciliation import Transfer, amount_error, record
from formats import has_control_characters, spreadsheets

COLUMNS = {
    "date": ("ngay", "ngay_giao_dich", "date", "transaction_date"),
    "amount": ("so_tien", "so_tien_ghi_co", "amount", "credit"),
    "description": ("noi_dung", "noi_dung_chuyen_khoan", "dien_giai", "description"),
    "reference": ("ma_giao_dich", "so_tham_chieu", "reference", "bank_reference"),
}
DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


class StatementRejected(Exception):
    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors  # (line number in the file, message)


def _plain(name: str) -> str:
    name = name.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def _columns(header: list[str]) -> dict[str, str]:
    """Our column → the file's, for the columns the file has."""
    found = {}
    for name in header:
        for column, aliases in COLUMNS.items():
            if _plain(name) in aliases:
                found.setdefault(column, name)
    return found


def _amount(text: str) -> Decimal | None:
    # "1.250.000", "1,250,000", "1250000 VND": the dong has no minor unit, so separators are grouping.
    digits = re.sub(r"(?i)\s*(vnd|đ|₫)$", "", text.strip()).replace(".", "").replace(",", "").replace(" ", "")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _when(text: str):
    for pattern in DATE_FORMATS:
        try:
            return timezone.make_aware(datetime.strptime(text.strip(), pattern))
        except ValueError:
            continue
    return None


def read_statement(content: bytes, filename: str) -> list[Transfer]:
    try:
        table = spreadsheets.read_table(content, filename)
    except ValueError as error:
        raise StatementRejected([(1, _("Không đọc được tệp: cần CSV (UTF-8) hoặc XLSX."))]) from error
    if not table:
        raise StatementRejected([(1, _("Tệp không có dòng dữ liệu nào."))])
    columns = _columns(list(table[0]))
    missing = [aliases[0] for column, aliases in COLUMNS.items() if column not in columns]
    if missing:
        raise StatementRejected([(1, _("Thiếu cột bắt buộc: %(columns)s") % {"columns": ", ".join(missing)})])
    transfers, errors, seen = [], [], {}
    for line, row in enumerate(table, start=2):
        value = {column: row.get(name, "").strip() for column, name in columns.items()}
        amount, when = _amount(value["amount"]), _when(value["date"])
        row_errors = [message for message in (
            amount_error(amount),
            None if when else _("Ngày «%(text)s» không đúng dạng dd/mm/yyyy.") % {"text": value["date"]},
            None if value["reference"] else _("Thiếu mã giao dịch."),
            _("Mã giao dịch trùng với dòng %(line)s.") % {"line": seen[value["reference"]]}
            if value["reference"] in seen else None,
            _("Có ký tự điều khiển trong nội dung hoặc mã giao dịch.")
            if has_control_characters(value["description"] + value["reference"]) else None,
        ) if message]
        seen.setdefault(value["reference"], line)
        errors += [(line, message) for message in row_errors]
        if not row_errors:
            transfers.append(Transfer(value["reference"], amount, value["description"], when))
    if errors:
        raise StatementRejected(errors)
    return transfers


class _Preview(Exception):
    def __init__(self, notices):
        self.notices = notices


def apply_statement(transfers: list[Transfer], *, dry_run: bool = False) -> list[BankNotice]:
    """Record every transfer of a statement in one transaction; with ``dry_run``, roll it back."""
    try:
        with transaction.atomic():
            notices = [
                record(transfer, channel=BankNotice.Channel.STATEMENT, payload=json.dumps({
                    "reference": transfer.bank_reference, "amount": str(transfer.amount),
                    "description": transfer.description,
                    "date": transfer.transacted_at.isoformat() if transfer.transacted_at else None,
                }, ensure_ascii=False))
                for transfer in transfers
            ]
            if dry_run:
                raise _Preview(notices)
    except _Preview as preview:
        return preview.notices
    return notices
