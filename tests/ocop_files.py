"""Build import_ocop files (CSV or XLSX) for tests and benchmarks."""

import csv
import io

from catalogue.importing import COLUMNS


def ocop_row(n=1, **overrides):
    """A valid 4-star provincial certificate row for product OCOP-T{n}."""
    row = {
        "decision_number": "1234/QĐ-UBND",
        "decision_date": "15/03/2025",
        "issuer": "UBND tỉnh Tây Ninh",
        "level": "province",
        "product_code": f"OCOP-T{n:05d}",
        "product_name": f"Bánh tráng phơi sương Trảng Bàng {n}",
        "gtin": "",
        "producer_name": f"HTX Bánh tráng Trảng Bàng {n % 50}",
        "producer_type": "HTX",
        "producer_tax_code": f"39{n % 50:08d}",
        "province": "Tây Ninh",
        "commune": "Phường Trảng Bàng",
        "product_group": "Thực phẩm",
        "stars": "4",
        "score": "78",
        "valid_from": "",
        "valid_until": "",
        "status": "active",
        "revocation_decision": "",
        "revoked_on": "",
        "revocation_reason": "",
    }
    row.update(overrides)
    return row


def csv_bytes(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
