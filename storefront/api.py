"""Read-only JSON API (/api/v1/), OpenAPI schema at /api/v1/schema/.

Lists show only listable products (the listing gate, through browsable()); a single product
answers whatever its status, so anyone holding one can check its certificate.
"""

from datetime import date
from math import ceil

from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema

from catalogue.certification import certificate_status, is_listable
from catalogue.models import Producer, Product
from catalogue.selectors import products_with_certificates
from search.forms import ProductFilterForm
from search.service import search_products
from storefront import places
from traceability.links import product_qr_path, product_trace_path, public_url

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
    size, number, pages = _page_numbers(queryset.count(), number, size)
    items = queryset[(number - 1) * size : number * size]
    return _page_body(request, queryset.count(), number, pages, [serialise(item) for item in items])


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
