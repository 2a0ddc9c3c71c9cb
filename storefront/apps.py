import warnings

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorefrontConfig(AppConfig):
    name = "storefront"
    verbose_name = _("Cửa hàng OCOP")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Every decode (Wagtail, Oscar's product images, sorl thumbnails) refuses decompression
        # bombs at our limit; Pillow only warns between its limit and twice it, so that is an error too.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        from storefront import receivers  # noqa: F401  groups and workflow for producer pages
