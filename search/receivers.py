"""What in the catalogue changes search results, and how fast the indexes must hear of it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from catalogue.models import Certificate, Producer, Product, ProductCategory
from catalogue.partner.models import StockRecord
from search.indexing import products_changed
from storefront.models import ProductStoryPage


@receiver([post_save, post_delete], sender=Product)
def product_changed(sender, instance, **kwargs):
    products_changed([instance.pk])


@receiver([post_save, post_delete], sender=Certificate)
def certificate_changed(sender, instance, **kwargs):
    # A revoked product must leave search on the next request, not after the queue drains.
    products_changed([instance.product_id], urgent=instance.status == Certificate.Status.REVOKED)


@receiver(post_save, sender=Producer)
def producer_changed(sender, instance, **kwargs):
    products_changed(instance.products.values_list("pk", flat=True), urgent=not instance.is_active)


@receiver([page_published, page_unpublished, post_delete], sender=ProductStoryPage)
def story_changed(sender, instance, **kwargs):
    products_changed([instance.product_id])


@receiver([post_save, post_delete], sender=StockRecord)
@receiver([post_save, post_delete], sender=ProductCategory)
def product_part_changed(sender, instance, **kwargs):
    products_changed([instance.product_id])
