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


class IndexVersion(models.Model):
    """A counter bumped, in the writing transaction, by every change that can alter search results.

    Cached search answers are keyed by it, so a cache shared by many processes can never serve
    an answer computed before a change that has been committed.
    """

    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("phiên bản chỉ mục")

    def __str__(self):
        return str(self.version)

    @classmethod
    def current(cls) -> int:
        version = cls.objects.filter(pk=1).values_list("version", flat=True).first()
        return version if version is not None else cls.objects.get_or_create(pk=1)[0].version

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(version=models.F("version") + 1):
            cls.objects.get_or_create(pk=1)
