"""Reports for Sở Công Thương: tables as (headers, rows), exported as CSV (UTF-8 BOM) or XLSX.

Every count of products goes through the listing gate (Product.browsable()).
"""

import csv
from io import BytesIO, StringIO

from django.db.models import Count
from django.utils.translation import gettext as _
from openpyxl import Workbook

from catalogue.models import Producer, Product
from salespoints.selectors import sales_points_public
from storefront import places
from tradefairs.models import Exhibitor


def listable_products_by_province_and_group():
    rows = (
        Product.objects.browsable()
        .values("origin_province_code", "ocop_group__name")
        .annotate(count=Count("pk"))
        .order_by("origin_province_code", "ocop_group__name")
    )
    headers = [_("Tỉnh/thành phố"), _("Nhóm sản phẩm"), _("Số sản phẩm")]
    return headers, [
        [places.province_name(r["origin_province_code"]), r["ocop_group__name"] or "", r["count"]]
        for r in rows
    ]


def producers_by_kind():
    labels = dict(Producer.Kind.choices)
    rows = Producer.objects.filter(is_active=True).values("kind").annotate(count=Count("pk")).order_by("kind")
    return [_("Loại hình"), _("Số chủ thể")], [[str(labels[r["kind"]]), r["count"]] for r in rows]


def sales_points_by_commune(province_code: int):
    counts = dict(
        sales_points_public()
        .filter(province_code=province_code)
        .values_list("commune_code")
        .annotate(count=Count("pk"))
    )
    rows = [[name, counts.get(code, 0)] for code, name in places.commune_choices(province_code)]
    return [_("Xã/phường"), _("Số điểm bán")], rows


def fair_participation():
    rows = (
        Exhibitor.objects.values("fair__name", "fair__starts_on")
        .annotate(exhibitors=Count("pk", distinct=True), listings=Count("listings"))
        .order_by("-fair__starts_on")
    )
    headers = [_("Hội chợ"), _("Số đơn vị tham gia"), _("Số sản phẩm")]
    return headers, [[r["fair__name"], r["exhibitors"], r["listings"]] for r in rows]


def to_csv(headers, rows) -> bytes:
    """CSV that spreadsheets open with Vietnamese intact: UTF-8 with a byte-order mark."""
    buffer = StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(headers, rows, *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([str(h) for h in headers])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
