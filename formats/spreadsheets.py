"""Tables as files people open in a spreadsheet: CSV (UTF-8 with a byte-order mark) and XLSX."""

import csv
import re
from io import BytesIO, StringIO

from openpyxl import Workbook


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
