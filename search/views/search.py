from django.utils.translation import gettext_lazy as _

from search.views.base import ProductListView


class FacetedSearchView(ProductListView):
    """The header search box's results."""

    template_name = "oscar/search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.request.GET.get("q", "")
        context["summary"] = _("Kết quả tìm kiếm")
        return context
