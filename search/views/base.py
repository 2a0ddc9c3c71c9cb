from functools import partial

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.views.generic import TemplateView

from catalogue.selectors import card_keys, products_for_cards
from pagecache import fragments
from search.facets import facet_links, facets_shown
from search.forms import ProductFilterForm
from search.service import search_products

MAX_PAGE = 100_000
PRODUCT_CARD = "product-card"  # the fragment of templates/storefront/includes/product_card.html


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

    def with_cards(self, keys: list, highlights: dict) -> list:
        """The products of ``keys`` (ids and versions): their cards taken from the cache, and the
        products whose cards must be rendered read in full, in a constant number of queries."""
        def highlight(product):  # the card's extras (its template's {% versioned %} tag)
            return highlights.get(product.pk, "")

        taken = fragments.take(self.request, PRODUCT_CARD, keys, lambda product: (highlight(product),))
        to_render = {product.pk for product in taken}
        # Gated already: search_products read the keys through the gate.
        full = products_for_cards(gated_already=True).in_bulk(to_render) if to_render else {}
        products = [full.get(key.pk, key) for key in keys if key.pk not in to_render or key.pk in full]
        for product in products:
            product.search_highlight = highlight(product)
        return products

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
        found = search_products(query, rows=card_keys)
        # The paginator only counts pages; the page's products come from the search.
        paginator = Paginator(range(found.results.total), per_page)
        try:
            page = paginator.page(number)
        except InvalidPage:
            raise Http404
        products = self.with_cards(found.products, found.results.highlights)
        page.object_list = products
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.filter_form,
            products=products,
            page_obj=page,
            paginator=paginator,
            is_paginated=paginator.num_pages > 1,
            # Read only when the facets' fragment is rendered (templates/oscar/catalogue/browse.html).
            facets=partial(facet_links, self.request, found.results.facets),
            facets_shown=facets_shown(self.request),
            approximate=found.results.approximate,
        )
        return context
