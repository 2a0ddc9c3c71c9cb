"""A role row saved or deleted anywhere (a command, /cms/) brings its group along."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from access import grants
from access.models import CertificationOfficer, TradeOfficer


@receiver(post_save, sender=TradeOfficer)
@receiver(post_save, sender=CertificationOfficer)
def role_saved(sender, instance, **kwargs):
    grants.role_granted(instance)


@receiver(post_delete, sender=TradeOfficer)
@receiver(post_delete, sender=CertificationOfficer)
def role_deleted(sender, instance, **kwargs):
    grants.role_withdrawn(instance)
