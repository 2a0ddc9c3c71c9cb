from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from modeltranslation.utils import build_localized_fieldname, get_translation_fields
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  Oscar: a fork keeps the module's other forms
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


class ProductForm(oscar_forms.ProductForm):
    """Oscar's product form with the name and the description in each language instead of one: the
    Vietnamese is required, the others show the Vietnamese to visitors until written."""

    class Meta(oscar_forms.ProductForm.Meta):
        fields = [
            *get_translation_fields("title"),  # a column per language (catalogue/translation.py)
            "upc",
            *get_translation_fields("description"),
            "is_public",
            "is_discountable",
            "structure",
            "slug",
            "meta_title",
            "meta_description",
        ]

    def __init__(self, product_class, *args, parent=None, **kwargs):
        super().__init__(product_class, *args, parent=parent, **kwargs)
        for field_name in ("title", "description"):
            label = capfirst(str(Product._meta.get_field(field_name).verbose_name).strip())
            for code, _name in settings.LANGUAGES:
                column = build_localized_fieldname(field_name, code)
                if column in self.fields:  # "Tiêu đề (Tiếng Hàn Quốc)"
                    self.fields[column].label = f"{label} ({get_language_info(code)['name_translated']})"
        vietnamese_title = build_localized_fieldname("title", settings.LANGUAGE_CODE)
        self.fields[vietnamese_title].required = not parent  # a variant may take its parent's name

    def delete_non_child_fields(self):
        super().delete_non_child_fields()
        for field_name in get_translation_fields("description"):
            self.fields.pop(field_name, None)
