from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalesPointsConfig(AppConfig):
    name = "salespoints"
    verbose_name = _("Điểm bán OCOP")

    def ready(self):
        from salespoints import freshness

        freshness.register_touches()  # cached pages follow these tables' writes
