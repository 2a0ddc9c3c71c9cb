"""Reports for Sở Công Thương: tables as (headers, rows), exported as CSV or XLSX (formats.spreadsheets).

Each report takes the province it is about (None: the whole country); a trade officer always
gets their own. Every count of products goes through the listing gate (Product.browsable()).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

import places
from catalogue.certification import certificate_valid_on_q, local_today
from catalogue.expiry import certificates_expiring
from catalogue.models import Certificate, Producer, Product
from checkout.statuses import CANCELLED
from formats import vn_date
from salespoints.selectors import sales_points_public
from tradefairs.models import Exhibitor

OrderLine = get_model("order", "Line")
Order = get_model("order", "Order")

Table = tuple[list[str], list[list]]


def _listable(province):
    products = Product.objects.browsable()
    return products.filter(origin_province_code=province) if province else products


def listable_products_by_stars(province=None) -> Table:
    rows = (
        Certificate.objects.filter(certificate_valid_on_q(local_today()), product__in=_listable(province))
        .values("stars")
        .annotate(count=Count("product", distinct=True))
        .order_by("stars")
    )
    return [_("Hạng sao"), _("Số sản phẩm")], [[f"{r['stars']}★", r["count"]] for r in rows]


def listable_products_by_province_and_group(province=None) -> Table:
    rows = (
        _listable(province)
        .values("origin_province_code", "ocop_group__name")
        .annotate(count=Count("pk"))
        .order_by("origin_province_code", "ocop_group__name")
    )
    headers = [_("Tỉnh/thành phố"), _("Nhóm sản phẩm"), _("Số sản phẩm")]
    return headers, [
        [places.province_name(r["origin_province_code"]), r["ocop_group__name"] or "", r["count"]]
        for r in rows
    ]


def listable_products_by_commune(province=None) -> Table:
    """Per commune of one province (per province for the whole country)."""
    if not province:
        rows = _listable(None).values_list("origin_province_code").annotate(count=Count("pk")).order_by()
        counted = sorted(((places.province_name(code), count) for code, count in rows), key=lambda r: r[0])
        return [_("Tỉnh/thành phố"), _("Số sản phẩm")], [list(row) for row in counted]
    counted = _listable(province).values_list("origin_commune_code").annotate(count=Count("pk")).order_by()
    counts = dict(counted)
    rows = [[name, counts[code]] for code, name in places.commune_choices(province) if counts.get(code)]
    return [_("Xã/phường"), _("Số sản phẩm")], rows


def producers_by_kind(province=None) -> Table:
    """Active producers by legal form, with each form's share (the plans track cooperatives)."""
    labels = dict(Producer.Kind.choices)
    producers = Producer.objects.filter(is_active=True)
    if province:
        producers = producers.filter(province_code=province)
    rows = list(producers.values("kind").annotate(count=Count("pk")).order_by("kind"))
    total = sum(r["count"] for r in rows) or 1
    return [_("Loại hình"), _("Số chủ thể"), _("Tỷ lệ (%)")], [
        [str(labels[r["kind"]]), r["count"], round(100 * r["count"] / total, 1)] for r in rows
    ]


def expiring_certificates(province=None, *, days=90) -> Table:
    certificates = certificates_expiring(days=days)
    if province:
        certificates = certificates.filter(product__origin_province_code=province)
    headers = [
        _("Sản phẩm"), _("Chủ thể"), _("Hạng sao"), _("Quyết định"), _("Hiệu lực đến"), _("Còn lại (ngày)")
    ]
    today = local_today()
    return headers, [
        [c.product.title, c.product.producer.name if c.product.producer else "", c.stars, c.decision.number,
         vn_date(c.valid_until), (c.valid_until - today).days]
        for c in certificates
    ]


def sales_points_by_commune(province=None) -> Table:
    """Every commune of the province with its count of active points (0: none yet)."""
    points = sales_points_public()
    if not province:
        counts = dict(points.values_list("province_code").annotate(count=Count("pk")).order_by())
        rows = [[name, counts.get(code, 0)] for code, name in places.province_choices()]
        return [_("Tỉnh/thành phố"), _("Số điểm bán")], rows
    in_province = points.filter(province_code=province)
    counts = dict(in_province.values_list("commune_code").annotate(count=Count("pk")).order_by())
    rows = [[name, counts.get(code, 0)] for code, name in places.commune_choices(province)]
    return [_("Xã/phường"), _("Số điểm bán")], rows


def communes_without_sales_point(province=None) -> Table:
    headers, rows = sales_points_by_commune(province)
    return [headers[0]], [[name] for name, count in rows if count == 0]


def fair_participation(province=None) -> Table:
    exhibitors = Exhibitor.objects.all()
    if province:
        exhibitors = exhibitors.filter(fair__province_code=province)
    rows = (
        exhibitors.values("fair__name", "fair__starts_on")
        .annotate(exhibitors=Count("pk", distinct=True), listings=Count("listings"))
        .order_by("-fair__starts_on")
    )
    headers = [_("Hội chợ"), _("Số đơn vị tham gia"), _("Số sản phẩm")]
    return headers, [[r["fair__name"], r["exhibitors"], r["listings"]] for r in rows]


def orders_by_producer(province=None) -> Table:
    """Orders and revenue (lines not cancelled, VND) per producer."""
    lines = OrderLine.objects.exclude(status=CANCELLED)
    if province:
        lines = lines.filter(partner__producer__province_code=province)
    rows = (
        lines.values("partner__name")
        .annotate(orders=Count("order", distinct=True), revenue=Sum("line_price_incl_tax"))
        .order_by("-revenue", "partner__name")
    )
    return [_("Chủ thể"), _("Số đơn hàng"), _("Doanh thu (₫)")], [
        [r["partner__name"], r["orders"], int(r["revenue"] or 0)] for r in rows
    ]


def orders_by_sales_point(province=None) -> Table:
    """Pickup orders and their revenue (VND) per sales point."""
    orders = Order.objects.exclude(status=CANCELLED).filter(preferences__pickup_point__isnull=False)
    if province:
        orders = orders.filter(preferences__pickup_point__province_code=province)
    rows = (
        orders.values("preferences__pickup_point__name")
        .annotate(orders=Count("pk"), revenue=Sum("total_incl_tax"))
        .order_by("-revenue")
    )
    return [_("Điểm bán"), _("Số đơn nhận tại điểm"), _("Doanh thu (₫)")], [
        [r["preferences__pickup_point__name"], r["orders"], int(r["revenue"] or 0)] for r in rows
    ]


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    build: Callable[..., Table]
    chart_column: int | None = 1  # the numeric column drawn as bars (None: no chart)


REPORTS = {
    report.slug: report
    for report in (
        Report("stars", gettext_lazy("Sản phẩm OCOP theo hạng sao"), listable_products_by_stars),
        Report("products", gettext_lazy("Sản phẩm OCOP theo tỉnh và nhóm"),
               listable_products_by_province_and_group, 2),
        Report("communes", gettext_lazy("Sản phẩm OCOP theo xã/phường"), listable_products_by_commune),
        Report("producers", gettext_lazy("Chủ thể OCOP theo loại hình"), producers_by_kind),
        Report("expiring-30", gettext_lazy("Chứng nhận hết hạn trong 30 ngày"),
               lambda province: expiring_certificates(province, days=30), None),
        Report("expiring-90", gettext_lazy("Chứng nhận hết hạn trong 90 ngày"),
               lambda province: expiring_certificates(province, days=90), None),
        Report("sales-points", gettext_lazy("Điểm bán theo xã/phường"), sales_points_by_commune),
        Report("no-sales-point", gettext_lazy("Xã/phường chưa có điểm bán"),
               communes_without_sales_point, None),
        Report("fairs", gettext_lazy("Tham gia hội chợ, triển lãm"), fair_participation),
        Report("orders-producers", gettext_lazy("Đơn hàng và doanh thu theo chủ thể"),
               orders_by_producer, 2),
        Report("orders-sales-points", gettext_lazy("Đơn nhận tại điểm bán và doanh thu"),
               orders_by_sales_point, 2),
    )
}
