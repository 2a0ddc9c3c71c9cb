from functools import partial

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.views.generic import TemplateView

from catalogue.selectors import prefetch_for_cards
from pagecache import fragments
from search.facets import facet_links, facets_shown
from search.forms import ProductFilterForm
from search.service import search_products

MAX_PAGE = 100_000
PRODUCT_CARD = "product-card"  # the fragment of templates/storefront/includes/product_card.html


def card_extras(product) -> tuple:
    """What the card's fragment depends on besides its product's version (its tag's extras)."""
    return (product.search_highlight,)


class ProductListView(TemplateView):
    """A page of listable products found by the search backend, with facets and filters.

    Replaces Oscar's haystack views. Whatever the backend and filters, the products shown pass
    the listing gate (search.service loads them through it).
    """

    def get(self, request, *args, **kwargs):
        self.filter_form = ProductFilterForm(request.GET or None)
        return super().get(request, *args, **kwargs)

    def category_ids(self):
        return ()

    def get_context_data(self, **kwargs):
        per_page = settings.OSCAR_PRODUCTS_PER_PAGE  # read per request, so tests and benches can vary it
        number = self.request.GET.get("page") or 1
        try:
            number = int(number)
        except ValueError:
            raise Http404
        if not 1 <= number <= MAX_PAGE:  # the backends would take it as a (negative, huge) offset
            raise Http404
        query = self.filter_form.to_query(page=number, per_page=per_page, category_ids=self.category_ids())
        found = search_products(query)
        # The paginator only counts pages; the page's products come from the search.
        paginator = Paginator(range(found.results.total), per_page)
        try:
            page = paginator.page(number)
        except InvalidPage:
            raise Http404
        for product in found.products:
            product.search_highlight = found.results.highlights.get(product.pk, "")
        prefetch_for_cards(fragments.take(self.request, PRODUCT_CARD, found.products, card_extras))
        page.object_list = found.products
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.filter_form,
            products=found.products,
            page_obj=page,
            paginator=paginator,
            is_paginated=paginator.num_pages > 1,
            # Read only when the facets' fragment is rendered (templates/oscar/catalogue/browse.html).
            facets=partial(facet_links, self.request, found.results.facets),
            facets_shown=facets_shown(self.request),
            approximate=found.results.approximate,
        )
        return context
