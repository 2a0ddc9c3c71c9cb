"""Sitemaps on the public address (settings.PUBLIC_BASE_URL), never the request's host or
django.contrib.sites' placeholder domain: search engines keep what they are first told."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from catalogue.models import Product


class PublicAddressSitemap(Sitemap):
    limit = 5000

    def get_domain(self, site=None):
        return urlsplit(settings.PUBLIC_BASE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PUBLIC_BASE_URL).scheme


class ProductSitemap(PublicAddressSitemap):
    """Listable products only: the listing gate decides what search engines are told about."""

    changefreq = "weekly"

    def items(self):
        return Product.objects.browsable().only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated

    def get_latest_lastmod(self):
        # For the index: Django's default reads every item to take the newest.
        return self.items().aggregate(newest=Max("date_updated"))["newest"]
