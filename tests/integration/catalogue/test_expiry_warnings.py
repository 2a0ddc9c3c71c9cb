from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from catalogue.certification import local_today
from catalogue.models import Certificate
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _expiring_in(days, producer_email="htx@example.vn", user_email="chu@example.vn", **producer):
    product = ProductFactory(certificate=None, producer__email=producer_email, **producer)
    if user_email:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_user(user_email, user_email, "pw")
        product.producer.partner.users.add(user)
    return CertificateFactory(product=product, valid_until=local_today() + timedelta(days=days))


def test_producer_gets_one_email_30_days_before_expiry(django_user_model):
    certificate = _expiring_in(30)

    call_command("send_expiry_warnings")
    call_command("send_expiry_warnings")

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert sorted(email.to) == ["chu@example.vn", "htx@example.vn"]
    assert certificate.valid_until.strftime("%d/%m/%Y") in email.subject
    assert certificate.decision.number in email.body and "sẽ hết hiệu lực ngày" in email.body
    certificate.refresh_from_db()
    assert certificate.expiry_warning_sent_on == local_today()


def test_a_reader_who_chose_english_gets_the_warning_in_english(django_user_model):
    from wagtail.users.models import UserProfile

    certificate = _expiring_in(30, user_email="ke-toan@example.vn")
    reader = django_user_model.objects.get(email="ke-toan@example.vn")
    UserProfile.objects.update_or_create(user=reader, defaults={"preferred_language": "en"})

    call_command("send_expiry_warnings")

    by_reader = {tuple(email.to): email for email in mail.outbox}
    assert set(by_reader) == {("htx@example.vn",), ("ke-toan@example.vn",)}
    english = by_reader[("ke-toan@example.vn",)]
    assert english.subject.startswith("[OCOP Market] The OCOP certificate of")
    assert "Kính gửi" not in english.body
    until = certificate.valid_until
    assert f"expires on {until:%b} {until.day}, {until.year}" in english.body  # the English way
    assert "sẽ hết hiệu lực" in by_reader[("htx@example.vn",)].body


def test_no_email_for_a_certificate_expiring_in_45_days_or_already_revoked():
    _expiring_in(45)
    revoked = _expiring_in(10, producer_email="other@example.vn", user_email="")
    Certificate.objects.filter(pk=revoked.pk).update(
        status=Certificate.Status.REVOKED, revoked_on=local_today(), revocation_decision_number="1/QĐ"
    )

    call_command("send_expiry_warnings")

    assert mail.outbox == []


def _certification_officer(django_user_model, province):
    from access.grants import add_certification_officer

    officer = django_user_model.objects.create_user(f"officer-{province}", "o@ocop.vn", "pw")
    add_certification_officer(officer, province)
    return officer


def test_officers_see_their_provinces_certificates_expiring_in_30_60_and_90_days(client, django_user_model):
    soon = _expiring_in(12, user_email="")
    later = _expiring_in(75, producer_email="", user_email="")
    elsewhere = _expiring_in(12, producer_email="", user_email="", producer__province_code=46)
    client.force_login(_certification_officer(django_user_model, soon.product.producer.province_code))

    within_30 = client.get("/cms/ocop/expiring/?days=30").content.decode()
    within_60 = client.get("/cms/ocop/expiring/?days=60").content.decode()
    within_90 = client.get("/cms/ocop/expiring/?days=90").content.decode()

    assert soon.product.title in within_30 and later.product.title not in within_30
    assert later.product.title not in within_60
    assert soon.product.title in within_90 and later.product.title in within_90
    assert "12 ngày" in within_30
    assert all(elsewhere.product.title not in page for page in (within_30, within_60, within_90))


def test_an_officer_reminds_chosen_owners_again_and_only_of_its_province(client, django_user_model):
    mine = _expiring_in(20, producer_email="htx-a@example.vn", user_email="")
    other = _expiring_in(20, producer_email="htx-hue@example.vn", user_email="", producer__province_code=46)
    client.force_login(_certification_officer(django_user_model, mine.product.producer.province_code))

    page = client.post("/cms/ocop/expiring/remind/", {"certificate": [mine.pk, other.pk], "days": "30"},
                       follow=True).content.decode()

    assert [email.to for email in mail.outbox] == [["htx-a@example.vn", "o@ocop.vn"]]  # officers too
    assert "Đã gửi nhắc cho 1 chứng nhận." in page
    mail.outbox.clear()
    client.post("/cms/ocop/expiring/remind/", {"certificate": [other.pk, "x"], "days": "30"})
    assert mail.outbox == []


def test_the_producers_province_officers_are_told_too(django_user_model):
    from access.grants import add_officer

    certificate = _expiring_in(20)
    province = certificate.product.producer.province_code
    other_province = 1 if province != 1 else 79
    for email, officer_province in (("so-ct@example.vn", province), ("tinh-khac@example.vn", other_province)):
        add_officer(django_user_model.objects.create_user(email, email, "pw"), officer_province)
    inactive = django_user_model.objects.create_user("nghi", "nghi@example.vn", "pw", is_active=False)
    add_officer(inactive, province)

    call_command("send_expiry_warnings")

    [email] = mail.outbox
    assert sorted(email.to) == ["chu@example.vn", "htx@example.vn", "so-ct@example.vn"]
