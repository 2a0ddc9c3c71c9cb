from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from catalogue.models import Product


class ProductSitemap(Sitemap):
    """Listable products only: the listing gate decides what search engines are told about."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Product.objects.browsable().only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated

    # Absolute URLs on the public address, not django.contrib.sites' placeholder domain.
    def get_domain(self, site=None):
        return urlsplit(settings.PUBLIC_BASE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PUBLIC_BASE_URL).scheme
