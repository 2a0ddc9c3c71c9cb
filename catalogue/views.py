from django.db.models import Prefetch
from django.shortcuts import render
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from catalogue.certification import listing_status
from catalogue.models import Certificate, Product
from traceability.links import product_trace_path


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page; a product that fails the listing gate answers 410 Gone.

    Staff still see the full page, with the status shown, so they can work on it.
    A product its producer switched off (is_public) stays a plain 404, as in Oscar.
    """

    gone_template_name = "oscar/catalogue/gone.html"

    def get_queryset(self):
        return Product.objects.select_related("producer", "ocop_group", "product_class").prefetch_related(
            Prefetch("certificates", queryset=Certificate.objects.select_related("decision"))
        )

    def get(self, request, *args, **kwargs):
        self.object = product = self.get_object()
        self.listing = listing_status(product)
        if product.is_public and not self.listing.is_listable and not request.user.is_staff:
            if redirect_to := self.redirect_if_necessary(request.path, product):
                return redirect_to
            return render(
                request,
                self.gone_template_name,
                {"product": product, "listing": self.listing, "certificates": product.certificates.all()},
                status=410,
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["listing"] = self.listing
        context["trace_path"] = product_trace_path(self.object)
        return context
