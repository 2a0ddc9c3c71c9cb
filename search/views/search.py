from django.utils.translation import gettext_lazy as _

from catalogue.models import ProductGroup
from search.terms import suggested_queries
from search.views.base import ProductListView
from search.vocabulary import vocabulary


class FacetedSearchView(ProductListView):
    """The header search box's results; with none, queries close to the one typed and the groups."""

    template_name = "oscar/search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")
        context["query"] = query
        context["summary"] = _("Kết quả tìm kiếm")
        if not context["products"] and query.strip():
            context["suggested_queries"] = suggested_queries(query, vocabulary())
            context["product_groups"] = ProductGroup.objects.order_by("position")
        return context
