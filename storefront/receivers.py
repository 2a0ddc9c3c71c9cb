"""New producer pages come with their editors' group; the producers' index with its approval workflow."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from storefront import roles
from storefront.models import ProducerIndexPage, ProducerPage


@receiver(post_save, sender=ProducerIndexPage)
def producer_index_saved(sender, instance, created, **kwargs):
    if created:
        roles.ensure_moderation(instance)


@receiver(post_save, sender=ProducerPage)
def producer_page_saved(sender, instance, created, **kwargs):
    if created:
        roles.producer_editors(instance)
