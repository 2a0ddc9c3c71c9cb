"""The producer's page and the story of a product, for the shop's product page."""

from django import template

from storefront.selectors import pages_for_product

register = template.Library()
register.simple_tag(pages_for_product, name="product_pages")
