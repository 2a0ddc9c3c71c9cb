"""Reads of sales points: what they carry (through the one listing gate) and which are near."""

from dataclasses import dataclass
from math import radians

from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, QuerySet, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

import places
from catalogue.certification import is_listable
from catalogue.models import Product
from salespoints.models import SalesPoint, SalesPointStock

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Coordinates:
    latitude: float
    longitude: float


def parse_coordinates(text: str) -> Coordinates | None:
    """Read "lat,lon" (as the API's ``near`` and the browser send it); None when malformed."""
    try:
        lat_text, lon_text = text.split(",")
        latitude, longitude = float(lat_text), float(lon_text)
    except (ValueError, AttributeError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Coordinates(latitude, longitude)


def commune_centre(commune_code: int) -> Coordinates | None:
    """A commune's centre: the mean position of the located sales points and producers in it."""
    from catalogue.models import Producer

    points = [
        (float(lat), float(lon))
        for model in (SalesPoint, Producer)
        for lat, lon in model.objects.filter(commune_code=commune_code, latitude__isnull=False)
        .values_list("latitude", "longitude")
    ]
    if not points:
        return None
    return Coordinates(sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def listable_stock(queryset=None) -> QuerySet:
    """Stock rows whose product passes the listing gate today (Product.browsable())."""
    queryset = SalesPointStock.objects.all() if queryset is None else queryset
    return queryset.filter(product__in=Product.objects.browsable().values("pk"))


def stock_for_sales_point(sales_point) -> QuerySet:
    """The listable products a point carries, with what a product line shows."""
    return (
        listable_stock(sales_point.stock.all())
        .select_related("product", "product__producer")
        .order_by("product__title", "pk")
    )


def sales_points_public() -> QuerySet:
    return SalesPoint.objects.filter(is_active=True)


def sales_points_filtered(*, province: int | None = None, product: str = "") -> QuerySet:
    """Active points, optionally of one province and/or having one listable product (by code) in stock."""
    points = sales_points_public()
    if province:
        points = points.filter(province_code=province)
    if product:
        points = points.filter(
            Exists(
                listable_stock()
                .filter(sales_point=OuterRef("pk"), product__upc=product)
                .exclude(level=SalesPointStock.Level.OUT)
            )
        )
    return points


def sales_points_stocking(product) -> QuerySet:
    """Active points that have ``product`` in stock, none when it fails the gate.

    The gate's Python form, on the product as its page loaded it (with its certificates): the
    SQL form over the catalogue took longer to build than the page took to render.
    """
    if not is_listable(product):
        return SalesPoint.objects.none()
    in_stock = SalesPointStock.objects.filter(sales_point=OuterRef("pk"), product_id=product.pk).exclude(
        level=SalesPointStock.Level.OUT
    )
    return sales_points_public().filter(Exists(in_stock)).order_by("province_code", "name")


def with_listable_products(points: QuerySet) -> QuerySet:
    """Prefetch each point's listable stock (for map popups and list lines) in one query."""
    stock = listable_stock().exclude(level=SalesPointStock.Level.OUT).select_related("product")
    return points.prefetch_related(Prefetch("stock", queryset=stock, to_attr="listable_stock"))


def with_distance(points: QuerySet, origin: Coordinates) -> QuerySet:
    """Annotate ``distance_km`` (haversine, computed by the database) and sort nearest first.

    Points without coordinates come last. Works on PostgreSQL and on SQLite (Django registers
    the math functions there).
    """
    lat = Radians(Cast("latitude", FloatField()))
    lon = Radians(Cast("longitude", FloatField()))
    lat0, lon0 = Value(radians(origin.latitude)), Value(radians(origin.longitude))
    half_chord = Power(Sin((lat - lat0) / 2), 2) + Cos(lat0) * Cos(lat) * Power(Sin((lon - lon0) / 2), 2)
    distance = Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(half_chord))
    return points.filter(latitude__isnull=False, longitude__isnull=False).annotate(
        distance_km=distance
    ).order_by(F("distance_km").asc(), "pk")


def province_options() -> list[tuple[int, str]]:
    """Provinces that have at least one active sales point, for the filter."""
    codes = set(sales_points_public().values_list("province_code", flat=True))
    return [(code, name) for code, name in places.province_choices() if code in codes]


def communes_without_sales_point(province_code: int) -> list[tuple[int, str]]:
    covered = set(
        sales_points_public().filter(province_code=province_code).values_list("commune_code", flat=True)
    )
    return [(code, name) for code, name in places.commune_choices(province_code) if code not in covered]


def commune_options() -> list[tuple[int, str]]:
    """Communes that have an active sales point, for the "near a commune" choice."""
    codes = set(sales_points_public().exclude(commune_code=None).values_list("commune_code", flat=True))
    return sorted(((code, places.commune_name(code)) for code in codes), key=lambda c: c[1])
