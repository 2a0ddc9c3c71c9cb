"""Expiry warnings: the producer, and its province's trade officers, are told once, 30 days
before a certificate lapses.

Decision 148/QĐ-TTg asks the issuer to warn the owner at least 30 days before expiry. A daily
run (`manage.py send_expiry_warnings`, from cron) claims each certificate with a conditional
update before queueing its email, so two runs never warn twice.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from access.grants import officer_emails
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


def producer_recipients(producer) -> list[str]:
    """Who hears about a producer's products: its partner users and its own address."""
    emails = [user.email for user in producer.partner.users.all() if user.email]
    if producer.email:
        emails.append(producer.email)
    return sorted(set(emails))


@task()
def send_expiry_warning(certificate_id: int) -> None:
    certificate = Certificate.objects.select_related("product__producer__partner", "decision").get(
        pk=certificate_id
    )
    producer = certificate.product.producer
    recipients = sorted({*producer_recipients(producer), *officer_emails(producer.province_code)})
    if not recipients:
        return
    context = {"certificate": certificate, "product": certificate.product}
    send_mail(
        subject=render_to_string("catalogue/email/expiry_warning_subject.txt", context).strip(),
        message=render_to_string("catalogue/email/expiry_warning.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )
