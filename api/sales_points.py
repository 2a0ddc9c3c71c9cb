"""/sales-points/: OCOP sales points with their listable products in stock, nearest first on request."""

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from api.pagination import PageNumbers, Shaped
from api.schemas import PlaceOut, place, province_code
from gs1.links import public_url
from salespoints.selectors import (
    parse_coordinates,
    sales_points_filtered,
    with_distance,
    with_listable_products,
)

router = Router(tags=["sales points"])

# "lat,lon" in degrees, as the schema tells clients (parse_coordinates reads it).
LATITUDE = r"-?(90(\.0+)?|[1-8]?\d(\.\d+)?)"
LONGITUDE = r"-?(180(\.0+)?|(1[0-7]\d|[1-9]?\d)(\.\d+)?)"
NEAR = rf"^$|^{LATITUDE},{LONGITUDE}$"


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


def sales_point_out(point) -> dict:
    distance = getattr(point, "distance_km", None)
    return {
        "slug": point.slug,
        "name": point.name,
        "kind": point.kind,
        "kind_label": str(point.get_kind_display()),
        "province": place(point.province_code, point.province_name),
        "commune": place(point.commune_code, point.commune_name),
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


@router.get("/sales-points/", response=list[SalesPointOut])
@paginate(PageNumbers)
def list_sales_points(request, near: str = Query("", pattern=NEAR), province: str = "", product: str = ""):
    """OCOP sales points with their listable products in stock; ``near=lat,lon`` sorts nearest first."""
    points = sales_points_filtered(province=province_code(province) if province else None, product=product)
    if near:  # the schema's pattern already refused (422) anything parse_coordinates cannot read
        points = with_distance(points, parse_coordinates(near))
    else:
        points = points.order_by("province_code", "name", "pk")
    return Shaped(with_listable_products(points), sales_point_out)
