from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TraceabilityConfig(AppConfig):
    name = "traceability"
    verbose_name = _("Truy xuất nguồn gốc")

    def ready(self):
        from traceability import freshness

        freshness.register_touches()  # cached pages follow these tables' writes

