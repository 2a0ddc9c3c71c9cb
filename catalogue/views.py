from django.http import Http404
from django.shortcuts import render
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from access.rules import sees_withheld
from catalogue.certification import listing_status
from catalogue.models import Product
from catalogue.selectors import certificate_history, product_for_page
from gs1.links import product_trace_path

GONE_TEMPLATE_NAME = "oscar/catalogue/gone.html"


def gone_unless_listable(request, product, listing=None):
    """The 410 response for a public product that fails the gate (staff excepted), else None."""
    listing = listing or listing_status(product)
    if product.is_public and not listing.is_listable and not sees_withheld(request.user):
        return render_product_gone(request, product, listing)
    return None


def render_product_gone(request, product, listing, template_name=GONE_TEMPLATE_NAME):
    """Answer 410 Gone with why: the status sentence and the certificate history, no price."""
    context = {
        "product": product,
        "listing": listing,
        "certificate_history": certificate_history(product),
    }
    return render(request, template_name, context, status=410)


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page; a product that fails the listing gate answers 410 Gone.

    Staff still see the full page, with the status shown, so they can work on it.
    A product its producer switched off (is_public) stays a plain 404, as in Oscar.
    What the layers above add (the producer's page and story, the sales points stocking it) the
    template asks of them through their template tags.
    """

    def get_object(self, queryset=None):
        if hasattr(self, "object"):  # as Oscar's: once per request
            return self.object
        try:
            return product_for_page(self.kwargs["pk"])
        except Product.DoesNotExist:
            raise Http404 from None

    def get(self, request, *args, **kwargs):
        self.object = product = self.get_object()
        self.listing = listing_status(product)
        # Every URL of the product (with or without its slug) is gone: no canonical redirect first.
        if gone := gone_unless_listable(request, product, self.listing):
            return gone
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["listing"] = self.listing
        context["certificate_history"] = certificate_history(self.object)
        context["trace_path"] = product_trace_path(self.object)
        return context
