from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorefrontConfig(AppConfig):
    name = "storefront"
    verbose_name = _("Cửa hàng OCOP")

    def ready(self):
        from storefront import freshness, receivers  # noqa: F401  groups and workflow for producer pages

        freshness.connect()  # cached pages follow every change they may show
