"""/products/: listable products found by the search (the listing gate at query time); any product by code."""

from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from api.pagination import MAX_PAGE, PageNumbers, Shaped, bounded_size
from api.schemas import PlaceOut, ProducerRef, place, province_code
from catalogue.certification import certificate_status, is_listable
from catalogue.models import Product
from catalogue.selectors import products_for_cards, products_with_certificates
from gs1.links import product_qr_path, product_trace_path, public_url
from search.forms import ProductFilterForm
from search.service import search_products

router = Router(tags=["products"])


class GroupOut(Schema):
    code: str
    name: str
    name_en: str


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


def certificate_out(certificate) -> dict | None:
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


def product_out(product) -> dict:
    listable = is_listable(product)
    certificate = product.current_certificate()
    stockrecords = [s for s in product.stockrecords.all() if s.price is not None]
    return {
        "code": product.upc,
        "name": product.title,
        "listable": listable,
        "stars": certificate.stars if listable and certificate else None,
        "group": product.ocop_group,
        "province": place(product.origin_province_code, product.origin_province_name),
        "commune": place(product.origin_commune_code, product.origin_commune_name),
        "producer": product.producer,
        "certificate": certificate_out(certificate),
        "price_vnd": int(stockrecords[0].price) if listable and stockrecords else None,
        "url": public_url(product.get_absolute_url()),
        "trace_url": public_url(product_trace_path(product)),
        "qr_png": product_qr_path(product, "png"),
        "qr_svg": product_qr_path(product, "svg"),
    }


class SearchResults:
    """The search's answer as a sequence the paginator slices: the asked page is searched once, and
    again only when the paginator moves past the end to the last page."""

    def __init__(self, form, *, page: int, size: int):
        self.form, self.size = form, bounded_size(size)
        self.number, self.found = self._search(min(max(1, page), MAX_PAGE))

    def _search(self, number):
        query = self.form.to_query(page=number, per_page=self.size, with_facets=False)
        return number, search_products(query, rows=products_for_cards)

    def count(self) -> int:
        return self.found.results.total

    def __getitem__(self, page: slice) -> list[dict]:
        number = page.start // self.size + 1
        if number != self.number:
            self.number, self.found = self._search(number)
        return [product_out(product) for product in self.found.products]


@router.get("/products/", response=list[ProductOut])
@paginate(PageNumbers, pass_parameter="paging")  # noqa: S106  the parameter's name, no password
def list_products(
    request, q: str = "", stars: int | None = None, group: str = "", province: str = "", **kwargs
):
    """Listable products (valid OCOP certificate of 3★ or more today), filterable."""
    if province:
        province = str(province_code(province))
    form = ProductFilterForm({"q": q, "stars": stars or "", "group": group, "province": province})
    if not form.is_valid():
        return Shaped(Product.objects.none(), product_out)
    paging = kwargs["paging"]
    return SearchResults(form, page=paging.page, size=paging.page_size)


@router.get("/products/{code}/certificate/", response=CertificateOut)
def get_certificate(request, code: str):
    """The product's live OCOP certificate (the gs1:certificationInfo of its Digital Link)."""
    product = get_object_or_404(products_with_certificates(), upc=code)
    certificate = product.current_certificate()
    if certificate is None:
        raise Http404
    return certificate_out(certificate)


@router.get("/products/{code}/", response=ProductOut)
def get_product(request, code: str):
    """Any product by its code, listable or not, with its live certificate status."""
    products = products_with_certificates().prefetch_related("stockrecords")
    return product_out(get_object_or_404(products, upc=code))
