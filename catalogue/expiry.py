"""Expiry warnings: the producer, and its province's officers, are told once, 30 days before a
certificate lapses (each may switch these emails off: access.notices).

Decision 148/QĐ-TTg asks the issuer to warn the owner at least 30 days before expiry. A daily
run (`manage.py send_expiry_warnings`, from cron) claims each certificate with a conditional
update before queueing its email, so two runs never warn twice.
"""

from django.db.models import Q
from django_tasks import task

from access.notices import EXPIRY_WARNINGS, officers_of, tell, users_where
from catalogue.certification import local_today
from catalogue.models import Certificate

WARNING_DAYS = 30


def certificates_expiring(*, days, today=None):
    return (
        Certificate.objects.expiring_within(days=days, today=today)
        .select_related("product__producer", "decision")
        .order_by("valid_until", "pk")
    )


def queue_expiry_warnings(*, today=None) -> int:
    """Queue one warning email per certificate entering its last 30 days; return how many."""
    today = today or local_today()
    queued = 0
    for certificate in certificates_expiring(days=WARNING_DAYS, today=today).filter(
        expiry_warning_sent_on__isnull=True
    ):
        claimed = Certificate.objects.filter(pk=certificate.pk, expiry_warning_sent_on__isnull=True).update(
            expiry_warning_sent_on=today
        )
        if claimed:
            send_expiry_warning.enqueue(certificate.pk)
            queued += 1
    return queued


@task()
def send_expiry_warning(certificate_id: int) -> None:
    """To the producer's own address, its users and its province's officers, unless switched off."""
    certificate = Certificate.objects.select_related("product__producer__partner", "decision").get(
        pk=certificate_id
    )
    producer = certificate.product.producer
    context = {"certificate": certificate, "product": certificate.product}
    readers = users_where(Q(partners=producer.partner_id) | officers_of(producer.province_code))
    tell(readers, EXPIRY_WARNINGS, "catalogue/email/expiry_warning", context, addresses=[producer.email])
