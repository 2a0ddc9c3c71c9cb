from search.views.catalogue import CatalogueView, ProductCategoryView
from search.views.search import FacetedSearchView
from search.views.suggestions import suggestions

__all__ = ["CatalogueView", "FacetedSearchView", "ProductCategoryView", "suggestions"]
