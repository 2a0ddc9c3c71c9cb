"""Reads of the storefront's pages."""

from dataclasses import dataclass

from storefront.models import ProducerPage, ProductStoryPage


@dataclass(frozen=True)
class ProductPages:
    producer_page: ProducerPage | None
    story_page: ProductStoryPage | None


def pages_for_product(product) -> ProductPages:
    """The live producer page and product story of a product, if they exist."""
    producer_page = ProducerPage.objects.live().filter(producer_id=product.producer_id).first()
    story_page = ProductStoryPage.objects.live().filter(product=product).first()
    return ProductPages(producer_page, story_page)
