from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from access.rules import can_keep_stock
from salespoints.forms import OpeningHoursForm, SalesPointFilterForm, StockFormSet
from salespoints.models import SalesPoint
from salespoints.selectors import (
    commune_options,
    sales_points_filtered,
    sales_points_public,
    stock_for_sales_point,
    with_distance,
    with_listable_products,
)


def sales_point_list(request):
    """All sales points as a list (works without JavaScript) and a Leaflet map over it."""
    form = SalesPointFilterForm(request.GET or None, communes=commune_options())
    points = sales_points_filtered()
    origin = None
    if form.is_bound and form.is_valid():
        points = sales_points_filtered(
            province=form.cleaned_data["province"], product=form.cleaned_data["product"].strip()
        )
        origin = form.origin()
    points = with_distance(points, origin) if origin else points.order_by("province_code", "name", "pk")
    points = list(with_listable_products(points))
    context = {
        "form": form,
        "sales_points": points,
        "origin": origin,
        "map_points": [_map_point(p) for p in points if p.latitude is not None],
        "map_tiles": settings.SALES_POINT_MAP_TILES,
        "map_attribution": settings.SALES_POINT_MAP_ATTRIBUTION,
    }
    return render(request, "salespoints/sales_point_list.html", context)


def sales_point_detail(request, slug):
    point = get_object_or_404(sales_points_public().prefetch_related("photos"), slug=slug)
    return render(
        request,
        "salespoints/sales_point_detail.html",
        {"sales_point": point, "stock": stock_for_sales_point(point)},
    )


def _map_point(point):
    return {
        "name": point.name,
        "url": point.get_absolute_url(),
        "lat": float(point.latitude),
        "lon": float(point.longitude),
        "products": [s.product.title for s in point.listable_stock],
    }


@login_required
def sales_point_keep(request, slug):
    """An operator keeps their point's stock levels and opening hours; anyone else gets 403."""
    point = get_object_or_404(SalesPoint, slug=slug)
    if not can_keep_stock(request.user, point):
        return HttpResponseForbidden(_("Bạn không vận hành điểm bán này."))
    data = request.POST if request.method == "POST" else None
    hours = OpeningHoursForm(data, instance=point, prefix="hours")
    lines = point.stock.select_related("product").order_by("product__title", "pk")
    stock = StockFormSet(data, queryset=lines)
    if data is not None and hours.is_valid() and stock.is_valid():
        with transaction.atomic():
            hours.save()
            stock.save()
        messages.success(request, _("Đã lưu."))
        return redirect(request.path)
    context = {"sales_point": point, "hours": hours, "stock": stock}
    return render(request, "salespoints/sales_point_keep.html", context)
