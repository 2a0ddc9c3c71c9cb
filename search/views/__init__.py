from search.views.catalogue import CatalogueView, ProductCategoryView
from search.views.search import FacetedSearchView

__all__ = ["CatalogueView", "FacetedSearchView", "ProductCategoryView"]
