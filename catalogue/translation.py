"""Fields translated into the public side's languages (django-modeltranslation).

Each field gains a column per language (``title_vi``, ``title_en``, ``title_zh_hans``, ``title_ko``);
reading ``product.title`` gives the visitor's language, else the Vietnamese. The original columns
keep the Vietnamese text (``Product.save``), which search, the page cache's triggers and the change
log read.
"""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname

from catalogue.models import Product, ProductGroup


@register(Product)
class ProductTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(ProductGroup)
class ProductGroupTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi", "en")


def translations(instance, field_name: str) -> dict[str, str]:
    """The field's text in each language it has been written in, Vietnamese first."""
    codes = (code for code, _name in settings.LANGUAGES)
    texts = {code: getattr(instance, build_localized_fieldname(field_name, code)) for code in codes}
    return {code: text for code, text in texts.items() if text}
