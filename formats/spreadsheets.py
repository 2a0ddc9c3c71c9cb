"""Tables as files people open in a spreadsheet: CSV (UTF-8 with a byte-order mark) and XLSX."""

import csv
import re
from datetime import date, datetime
from io import BytesIO, StringIO
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook


def to_csv(headers, rows, *, for_spreadsheets: bool = True) -> bytes:
    """CSV in UTF-8; for spreadsheets (Excel reads Vietnamese right only then) with a byte-order mark."""
    buffer = StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if for_spreadsheets else "utf-8")


def to_xlsx(headers, rows, *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[\\/*?:\[\]]", "-", title)[:31]  # Excel forbids these in sheet names
    sheet.append([str(h) for h in headers])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_table(content: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, BOM optional) or XLSX file as {column: text}, header on line 1.

    Column names are lower case with underscores for spaces; ValueError when the file cannot be read.
    """
    try:
        if Path(filename).suffix.lower() in (".xlsx", ".xlsm"):
            return _read_xlsx(content)
        return _read_csv(content)
    except (UnicodeDecodeError, csv.Error, KeyError, OSError, BadZipFile) as error:
        raise ValueError(f"unreadable table: {error}") from error


def _read_csv(content: bytes):
    reader = csv.DictReader(StringIO(content.decode("utf-8-sig")))
    reader.fieldnames = [_header(name) for name in reader.fieldnames or []]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _read_xlsx(content: bytes):
    sheet = load_workbook(BytesIO(content), read_only=True, data_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_header(str(cell or "")) for cell in next(rows, [])]
    return [
        {name: _cell_text(value) for name, value in zip(header, row, strict=False) if name}
        for row in rows
        if any(value not in (None, "") for value in row)
    ]


def _header(name: str) -> str:
    return name.strip().lower().replace(" ", "_")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
