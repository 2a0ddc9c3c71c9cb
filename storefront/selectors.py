"""Reads of the storefront's pages."""

from dataclasses import dataclass

from storefront.models import ProducerPage, ProductStoryPage, in_default_language


@dataclass(frozen=True)
class ProductPages:
    producer_page: ProducerPage | None
    story_page: ProductStoryPage | None


def pages_for_product(product) -> ProductPages:
    """The live producer page and product story of a product (the originals, whose URLs are the site's)."""
    producer_page = in_default_language(ProducerPage.objects.live()).filter(producer_id=product.producer_id)
    story_page = in_default_language(ProductStoryPage.objects.live()).filter(product=product)
    return ProductPages(producer_page.first(), story_page.first())
