from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductSearchEntry(models.Model):
    """The database backend's index: a product's text folded to ASCII words (see search.folding).

    Kept in step with the catalogue by search.indexing, like the Elasticsearch index. Words are
    space-padded so a query word matches whole words only, as in Elasticsearch.
    """

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    name = models.TextField(_("tên (không dấu)"))
    producer = models.TextField(_("chủ thể (không dấu)"))
    text = models.TextField(_("toàn văn (không dấu)"))

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")

    def __str__(self):
        return self.name.strip()
