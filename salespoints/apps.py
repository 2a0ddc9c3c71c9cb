from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalesPointsConfig(AppConfig):
    name = "salespoints"
    verbose_name = _("Điểm bán OCOP")
