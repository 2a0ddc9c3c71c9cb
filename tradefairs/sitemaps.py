from catalogue.sitemaps import PublicAddressSitemap
from tradefairs.selectors import fairs_public


class FairSitemap(PublicAddressSitemap):
    changefreq = "daily"

    def items(self):
        return fairs_public().only("pk", "slug").order_by("-starts_on", "pk")
