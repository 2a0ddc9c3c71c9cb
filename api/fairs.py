"""/fairs/: trade fairs and exhibitions with the exhibitors' listable products by booth."""

from datetime import date

from ninja import Router, Schema
from ninja.pagination import paginate

from api.pagination import PageNumbers, Shaped
from api.schemas import PlaceOut, ProducerRef, place, province_code
from gs1.links import product_qr_path, product_trace_path, public_url
from tradefairs.selectors import exhibitors_with_public_listings, fairs_public

router = Router(tags=["trade fairs"])


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


def fair_out(fair) -> dict:
    return {
        "slug": fair.slug, "name": fair.name, "kind": fair.kind, "venue": fair.venue,
        "province": place(fair.province_code, fair.province_name),
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


@router.get("/fairs/", response=list[FairOut])
@paginate(PageNumbers)
def list_fairs(request, province: str = ""):
    """Trade fairs and exhibitions, newest first, with exhibitors' listable products by booth."""
    fairs = fairs_public().order_by("-starts_on", "pk")
    if province:
        fairs = fairs.filter(province_code=province_code(province))
    return Shaped(fairs, fair_out)
