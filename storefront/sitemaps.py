"""The sitemap index (/sitemap.xml) and its sections, all on settings.PUBLIC_BASE_URL."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from catalogue.sitemaps import ProductSitemap
from salespoints.sitemaps import SalesPointSitemap
from tradefairs.sitemaps import FairSitemap


def on_public_address(url: str) -> str:
    public = urlsplit(settings.PUBLIC_BASE_URL)
    return urlunsplit((public.scheme, public.netloc, *urlsplit(url)[2:]))


class PageSitemap(WagtailSitemap):
    """Wagtail pages (home, producer pages, stories…): Wagtail names them by its Site's host,
    which is whatever the site was set up with; the public address is what search engines keep."""

    def get_latest_lastmod(self):
        # For the index: as lastmod() reads it, without loading every page (Django's default).
        newest = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().aggregate(newest=Max(newest))["newest"]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = on_public_address(url["location"])
        return urls


SECTIONS = {
    "pages": PageSitemap, "products": ProductSitemap, "sales-points": SalesPointSitemap, "fairs": FairSitemap,
}
