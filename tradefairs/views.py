from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from access.rules import sees_withheld
from gs1.links import product_qr_path, product_trace_path
from tradefairs.catalogue_pdf import fair_catalogue_pdf
from tradefairs.forms import FairFilterForm
from tradefairs.ical import fair_calendar
from tradefairs.selectors import (
    exhibitors_with_public_listings,
    fairs_by_time,
    fairs_public,
    officer_listings,
)


def fair_list(request):
    """Fairs for visitors: under way and to come first, then past ones; by province if asked."""
    form = FairFilterForm(request.GET or None)
    province = form.cleaned_data["province"] if form.is_bound and form.is_valid() else None
    coming, past = fairs_by_time(province)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "tradefairs/fair_list.html", {"form": form, "coming": coming, "past": past},
                  status=status)


def fair_ical(request, slug):
    fair = get_object_or_404(fairs_public(), slug=slug)
    response = HttpResponse(fair_calendar(fair), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{fair.slug}.ics"'
    return response


def fair_detail(request, slug):
    """A fair's exhibitors by booth with their listable products and QR links to trace pages."""
    fair = get_object_or_404(fairs_public(), slug=slug)
    exhibitors = list(exhibitors_with_public_listings(fair))
    for exhibitor in exhibitors:
        for listing in exhibitor.public_listings:
            listing.trace_path = product_trace_path(listing.product)
            listing.qr_path = product_qr_path(listing.product, "svg")
    context = {
        "fair": fair,
        "exhibitors": exhibitors,
        # Staff (trade officers) also see what was withdrawn and why.
        "withdrawn": (
            [o for o in officer_listings(fair) if o.withdrawn] if sees_withheld(request.user) else []
        ),
    }
    return render(request, "tradefairs/fair_detail.html", context)


def fair_catalogue(request, slug):
    """The printable catalogue (PDF) of what the public page shows now."""
    fair = get_object_or_404(fairs_public(), slug=slug)
    pdf = fair_catalogue_pdf(fair, exhibitors_with_public_listings(fair))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{fair.slug}.pdf"'
    return response
