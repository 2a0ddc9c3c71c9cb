"""Read-only JSON API (/api/v1/), OpenAPI schema at /api/v1/schema/.

Lists show only listable products (the listing gate, through browsable()); a single product
answers whatever its status, so anyone holding one can check its certificate.
"""

from datetime import date
from math import ceil

from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError

from catalogue.certification import certificate_status, is_listable
from catalogue.models import Producer, Product
from catalogue.selectors import products_with_certificates
from salespoints.selectors import (
    parse_coordinates,
    sales_points_filtered,
    with_distance,
    with_listable_products,
)
from search.forms import ProductFilterForm
from search.service import search_products
from storefront import places
from traceability.links import product_qr_path, product_trace_path, public_url
from tradefairs.selectors import exhibitors_with_public_listings, fairs_public

PAGE_SIZE = 24
MAX_PAGE_SIZE = 100

api = NinjaAPI(
    title="OCOP Market API",
    version="1",
    description="Sản phẩm OCOP còn hiệu lực, chủ thể và trạng thái chứng nhận. Chỉ đọc.",
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url="/docs/",
)


class PlaceOut(Schema):
    code: int | None
    name: str


class GroupOut(Schema):
    code: str
    name: str
    name_en: str


class ProducerRef(Schema):
    name: str
    slug: str
    kind: str


class CertificateOut(Schema):
    status: str  # active | expired | revoked | superseded
    stars: int
    score: int | None
    valid_from: date
    valid_until: date
    decision_number: str
    decision_date: date
    level: str
    authority: str
    revoked_on: date | None
    revocation_decision_number: str
    revocation_reason: str


class ProductOut(Schema):
    code: str
    name: str
    listable: bool
    stars: int | None
    group: GroupOut | None
    province: PlaceOut
    commune: PlaceOut
    producer: ProducerRef | None
    certificate: CertificateOut | None
    price_vnd: int | None
    url: str
    trace_url: str
    qr_png: str
    qr_svg: str


class ProducerOut(Schema):
    name: str
    slug: str
    kind: str
    province: PlaceOut
    commune: PlaceOut


class ProductPage(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None
    results: list[ProductOut]


class StockOut(Schema):
    code: str
    name: str
    level: str  # in_stock | low | out
    quantity: int | None


class SalesPointOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    province: PlaceOut
    commune: PlaceOut
    street: str
    latitude: float | None
    longitude: float | None
    opening_hours: str
    phone: str
    url: str
    distance_km: float | None
    products: list[StockOut]


class SalesPointPage(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None
    results: list[SalesPointOut]


class FairProductOut(Schema):
    code: str
    name: str
    trace_url: str
    qr_svg: str


class ExhibitorOut(Schema):
    booth: str
    producer: ProducerRef
    products: list[FairProductOut]


class FairOut(Schema):
    slug: str
    name: str
    kind: str
    venue: str
    province: PlaceOut
    starts_on: date
    ends_on: date
    organiser: str
    url: str
    exhibitors: list[ExhibitorOut]


class FairPage(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None
    results: list[FairOut]


class ProducerPage(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None
    results: list[ProducerOut]


def _place(code, name):
    return {"code": code, "name": name}


def _certificate(certificate):
    if certificate is None:
        return None
    decision = certificate.decision
    return {
        "status": certificate_status(certificate),
        "stars": certificate.stars,
        "score": certificate.score,
        "valid_from": certificate.valid_from,
        "valid_until": certificate.valid_until,
        "decision_number": decision.number,
        "decision_date": decision.decision_date,
        "level": decision.level,
        "authority": decision.authority,
        "revoked_on": certificate.revoked_on,
        "revocation_decision_number": certificate.revocation_decision_number,
        "revocation_reason": certificate.revocation_reason,
    }


def _product(product):
    listable = is_listable(product)
    certificate = product.current_certificate()
    stockrecords = [s for s in product.stockrecords.all() if s.price is not None]
    return {
        "code": product.upc,
        "name": product.title,
        "listable": listable,
        "stars": certificate.stars if listable and certificate else None,
        "group": product.ocop_group,
        "province": _place(product.origin_province_code, product.origin_province_name),
        "commune": _place(product.origin_commune_code, product.origin_commune_name),
        "producer": product.producer,
        "certificate": _certificate(certificate),
        "price_vnd": int(stockrecords[0].price) if listable and stockrecords else None,
        "url": public_url(product.get_absolute_url()),
        "trace_url": public_url(product_trace_path(product)),
        "qr_png": product_qr_path(product, "png"),
        "qr_svg": product_qr_path(product, "svg"),
    }


def _page(request, queryset, number, size, serialise):
    count = queryset.count()
    size, number, pages = _page_numbers(count, number, size)
    items = queryset[(number - 1) * size : number * size]
    return _page_body(request, count, number, pages, [serialise(item) for item in items])


def _page_numbers(count, number, size):
    size = max(1, min(size, MAX_PAGE_SIZE))
    pages = max(1, ceil(count / size))
    return size, max(1, min(number, pages)), pages


def _page_body(request, count, number, pages, results):
    def link(n):
        if not 1 <= n <= pages or n == number:
            return None
        query = request.GET.copy()
        query["page"] = n
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "page": number,
        "pages": pages,
        "next": link(number + 1),
        "previous": link(number - 1),
        "results": results,
    }


@api.get("/products/", response=ProductPage, tags=["products"])
def list_products(
    request, q: str = "", stars: int | None = None, group: str = "", province: str = "",
    page: int = 1, page_size: int = PAGE_SIZE,
):
    """Listable products (valid OCOP certificate of 3★ or more today), filterable."""
    if province and not province.isdigit():
        province = str(places.province_by_name(province) or 0)
    form = ProductFilterForm({"q": q, "stars": stars or "", "group": group, "province": province})
    if not form.is_valid():
        return _page(request, Product.objects.none(), 1, page_size, _product)
    size, number = max(1, min(page_size, MAX_PAGE_SIZE)), max(1, page)
    found = search_products(form.to_query(page=number, per_page=size, with_facets=False))
    _, last_number, pages = _page_numbers(found.results.total, number, size)
    if last_number != number:  # past the end: answer the last page
        number, found = last_number, search_products(
            form.to_query(page=last_number, per_page=size, with_facets=False)
        )
    return _page_body(request, found.results.total, number, pages, [_product(p) for p in found.products])


@api.get("/products/{code}/", response=ProductOut, tags=["products"])
def get_product(request, code: str):
    """Any product by its code, listable or not, with its live certificate status."""
    products = products_with_certificates().prefetch_related("stockrecords")
    return _product(get_object_or_404(products, upc=code))


@api.get("/producers/", response=ProducerPage, tags=["producers"])
def list_producers(request, province: str = "", page: int = 1, page_size: int = PAGE_SIZE):
    """Active OCOP producers (chủ thể OCOP)."""
    producers = Producer.objects.filter(is_active=True).order_by("name", "pk")
    if province:
        code = int(province) if province.isdigit() else places.province_by_name(province)
        producers = producers.filter(province_code=code or 0)
    return _page(request, producers, page, page_size, lambda p: {
        "name": p.name, "slug": p.slug, "kind": p.kind,
        "province": _place(p.province_code, p.province_name),
        "commune": _place(p.commune_code, p.commune_name),
    })


def _sales_point(point):
    distance = getattr(point, "distance_km", None)
    return {
        "slug": point.slug,
        "name": point.name,
        "kind": point.kind,
        "kind_label": str(point.get_kind_display()),
        "province": _place(point.province_code, point.province_name),
        "commune": _place(point.commune_code, point.commune_name),
        "street": point.street,
        "latitude": float(point.latitude) if point.latitude is not None else None,
        "longitude": float(point.longitude) if point.longitude is not None else None,
        "opening_hours": point.opening_hours,
        "phone": point.phone,
        "url": public_url(point.get_absolute_url()),
        "distance_km": round(distance, 2) if distance is not None else None,
        "products": [
            {"code": s.product.upc, "name": s.product.title, "level": s.level, "quantity": s.quantity}
            for s in point.listable_stock
        ],
    }


@api.get("/sales-points/", response=SalesPointPage, tags=["sales points"])
def list_sales_points(
    request, near: str = "", province: str = "", product: str = "", page: int = 1,
    page_size: int = PAGE_SIZE,
):
    """OCOP sales points with their listable products in stock; ``near=lat,lon`` sorts nearest first."""
    code = None
    if province:
        code = int(province) if province.isdigit() else (places.province_by_name(province) or 0)
    points = sales_points_filtered(province=code, product=product)
    if near:
        origin = parse_coordinates(near)
        if origin is None:
            raise HttpError(400, "near must be 'lat,lon' in degrees")
        points = with_distance(points, origin)
    else:
        points = points.order_by("province_code", "name", "pk")
    return _page(request, with_listable_products(points), page, page_size, _sales_point)


def _fair(fair):
    return {
        "slug": fair.slug, "name": fair.name, "kind": fair.kind, "venue": fair.venue,
        "province": _place(fair.province_code, fair.province_name),
        "starts_on": fair.starts_on, "ends_on": fair.ends_on, "organiser": fair.organiser,
        "url": public_url(fair.get_absolute_url()),
        "exhibitors": [
            {
                "booth": exhibitor.booth,
                "producer": exhibitor.producer,
                "products": [
                    {
                        "code": listing.product.upc,
                        "name": listing.product.title,
                        "trace_url": public_url(product_trace_path(listing.product)),
                        "qr_svg": product_qr_path(listing.product, "svg"),
                    }
                    for listing in exhibitor.public_listings
                ],
            }
            for exhibitor in exhibitors_with_public_listings(fair)
        ],
    }


@api.get("/fairs/", response=FairPage, tags=["trade fairs"])
def list_fairs(request, province: str = "", page: int = 1, page_size: int = PAGE_SIZE):
    """Trade fairs and exhibitions, newest first, with exhibitors' listable products by booth."""
    fairs = fairs_public().order_by("-starts_on", "pk")
    if province:
        code = int(province) if province.isdigit() else places.province_by_name(province)
        fairs = fairs.filter(province_code=code or 0)
    return _page(request, fairs, page, page_size, _fair)
