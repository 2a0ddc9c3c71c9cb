from catalogue.sitemaps import PublicAddressSitemap
from salespoints.selectors import sales_points_public


class SalesPointSitemap(PublicAddressSitemap):
    changefreq = "weekly"

    def items(self):
        return sales_points_public().only("pk", "slug").order_by("pk")
