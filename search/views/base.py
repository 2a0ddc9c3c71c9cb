from django.conf import settings
from django.views.generic import ListView

from catalogue.selectors import products_for_cards
from search.forms import ProductFilterForm


class ProductListView(ListView):
    """A paginated list of listable products narrowed by the filter form.

    Replaces Oscar's haystack views: the list starts from the listing gate, so nothing
    expired or revoked can appear whatever the filters.
    """

    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE  # read per request, so tests and benches can vary it

    def get_queryset(self):
        self.filter_form = ProductFilterForm(self.request.GET or None)
        return self.filter_form.filter(self.base_products())

    def base_products(self):
        return products_for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        return context
