"""Wagtail admin pages of the Sở Công Thương reports: a dashboard with charts, and downloads.

A trade officer sees their own province; a superuser the whole country or, with ?province=,
one province.
"""

from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.template.response import TemplateResponse

import places
from access.rules import officer_province, report_scope
from formats.spreadsheets import to_csv, to_xlsx
from reports import tables as reports

PREVIEW_ROWS = 12
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bars(rows, column):
    """Rows with the width (in %) of their bar, for the CSS bar chart."""
    if column is None or not rows:
        return []
    top = max((row[column] for row in rows), default=0) or 1
    return [
        (" · ".join(str(cell) for cell in row[:column]), row[column], round(100 * row[column] / top))
        for row in rows[:PREVIEW_ROWS]
    ]


def report_dashboard(request):
    allowed, province = report_scope(request.user, request.GET.get("province"))
    if not allowed:
        return HttpResponseForbidden()
    sections = []
    for report in reports.REPORTS.values():
        headers, rows = report.build(province)
        sections.append({
            "report": report, "headers": headers, "rows": rows[:PREVIEW_ROWS], "total_rows": len(rows),
            "bars": _bars(rows, report.chart_column),
            "value_header": headers[report.chart_column] if report.chart_column is not None else "",
        })
    context = {
        "sections": sections, "province": province, "province_name": places.province_name(province),
        "can_choose_province": officer_province(request.user) is None, "provinces": places.province_choices(),
    }
    return TemplateResponse(request, "storefront/admin/reports.html", context)


def report_download(request, name, fmt):
    report = reports.REPORTS.get(name)
    if report is None or fmt not in ("csv", "xlsx"):
        raise Http404
    allowed, province = report_scope(request.user, request.GET.get("province"))
    if not allowed:
        return HttpResponseForbidden()
    headers, rows = report.build(province)
    if fmt == "csv":
        response = HttpResponse(to_csv(headers, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(to_xlsx(headers, rows, title=str(report.title)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
