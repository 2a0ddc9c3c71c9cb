from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradeFairsConfig(AppConfig):
    name = "tradefairs"
    verbose_name = _("Hội chợ, triển lãm")
