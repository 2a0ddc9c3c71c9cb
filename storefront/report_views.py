"""Wagtail admin downloads of the Sở Công Thương reports (trade officers see their own province)."""

from django.http import Http404, HttpResponse, HttpResponseForbidden

from storefront import reports
from storefront.roles import officer_province

REPORTS = {
    "products": lambda province: reports.listable_products_by_province_and_group(),
    "producers": lambda province: reports.producers_by_kind(),
    "sales-points": lambda province: reports.sales_points_by_commune(province),
    "fairs": lambda province: reports.fair_participation(),
}


def report_download(request, name, fmt):
    if name not in REPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    province = officer_province(request.user)
    if province is None and not request.user.is_superuser:
        return HttpResponseForbidden()
    province = province or int(request.GET.get("province", 0) or 0)
    headers, rows = REPORTS[name](province)
    if fmt == "csv":
        response = HttpResponse(reports.to_csv(headers, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            reports.to_xlsx(headers, rows, title=name),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
