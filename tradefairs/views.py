from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from access.rules import sees_withheld
from gs1.links import product_qr_path, product_trace_path
from tradefairs.catalogue_pdf import fair_catalogue_pdf
from tradefairs.selectors import exhibitors_with_public_listings, fairs_public, officer_listings


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
