"""New producer pages come with their editors' group; the producers' index with its approval workflow;
a published or withdrawn story reaches the search index."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from access.grants import producer_editors
from search.indexing import products_changed
from storefront.models import ProducerIndexPage, ProducerPage, ProductStoryPage
from storefront.moderation import ensure_moderation


@receiver(post_save, sender=ProducerIndexPage)
def producer_index_saved(sender, instance, created, **kwargs):
    if created:
        ensure_moderation(instance)


@receiver(post_save, sender=ProducerPage)
def producer_page_saved(sender, instance, created, **kwargs):
    if created:
        producer_editors(instance.producer)


@receiver([page_published, page_unpublished, post_delete], sender=ProductStoryPage)
def story_changed(sender, instance, **kwargs):
    products_changed([instance.product_id])
