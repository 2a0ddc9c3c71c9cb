import logging
import warnings

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


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

        link_missing_image()


def link_missing_image():
    """Oscar links its "missing image" into MEDIA_ROOT when it first shows a product without a
    photo; two such first views at once raced on the link and one answered 500. Linked at start."""
    from django.core.exceptions import ImproperlyConfigured
    from oscar.apps.catalogue.abstract_models import MissingProductImage

    try:
        MissingProductImage()
    except ImproperlyConfigured as error:  # another process linked it first, or MEDIA_ROOT is read-only
        logger.info("missing image not linked: %s", error)
