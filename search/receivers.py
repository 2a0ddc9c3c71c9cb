"""What in the catalogue changes search results, and how fast the indexes must hear of it."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from catalogue.models import Certificate, Producer, Product, ProductCategory
from catalogue.partner.models import StockRecord
from catalogue.signals import products_written
from salespoints.models import SalesPoint, SalesPointStock
from search.indexing import elasticsearch_fields_changed, products_changed


@receiver([post_save, post_delete], sender=Product)
def product_changed(sender, instance, **kwargs):
    products_changed([instance.pk])


@receiver([post_save, post_delete], sender=Certificate)
def certificate_changed(sender, instance, **kwargs):
    # A revoked product must leave search on the next request, not after the queue drains.
    products_changed([instance.product_id], urgent=instance.status == Certificate.Status.REVOKED)


@receiver(products_written)
def many_products_written(sender, product_ids, **kwargs):
    products_changed(product_ids, urgent=True)  # an import may revoke: Elasticsearch hears at commit


@receiver(post_save, sender=Producer)
def producer_changed(sender, instance, **kwargs):
    products_changed(instance.products.values_list("pk", flat=True), urgent=not instance.is_active)


@receiver([post_save, post_delete], sender=SalesPointStock)
def sales_point_stock_changed(sender, instance, **kwargs):
    elasticsearch_fields_changed([instance.product_id])  # only Elasticsearch keeps sales-point locations


@receiver(post_save, sender=SalesPoint)
def sales_point_changed(sender, instance, **kwargs):
    elasticsearch_fields_changed(instance.stock.values_list("product_id", flat=True))


@receiver([post_save, post_delete], sender=ProductCategory)
def product_category_changed(sender, instance, **kwargs):
    products_changed([instance.product_id])


@receiver(pre_save, sender=StockRecord)
def note_price_change(sender, instance, **kwargs):
    # Stock records are saved at every sale (Oscar's allocation); only a new price matters here.
    old_price = StockRecord.objects.filter(pk=instance.pk).values_list("price", flat=True).first()
    instance._price_changed = instance.pk is None or old_price != instance.price


@receiver(post_save, sender=StockRecord)
@receiver(post_delete, sender=StockRecord)
def price_changed(sender, instance, **kwargs):
    if getattr(instance, "_price_changed", True):
        elasticsearch_fields_changed([instance.product_id])
