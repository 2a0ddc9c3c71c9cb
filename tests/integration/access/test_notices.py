"""Producers and officers hear of what concerns them, may switch each kind off, and read each
email in their own language."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from access import grants
from access.models import NotificationSettings
from tests.checkout import add_to_basket, fill_guest_checkout
from tests.factories import LotFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return ProductFactory(title="Muối tôm Cần Giờ", producer__email="htx@example.vn")


def _member(product, username, **settings):
    user = product.producer.partner.users.create(username=username, email=f"{username}@example.vn")
    if settings:
        NotificationSettings.objects.create(user=user, **settings)
    return user


def test_a_new_order_skips_who_switched_it_off_but_not_the_producers_own_address(
        client, product, django_capture_on_commit_callbacks):
    _member(product, "chu")
    _member(product, "nghi", order_lines=False)
    add_to_basket(client, product)
    fill_guest_checkout(client)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), {"action": "place_order"})

    to_producer = [email for email in mail.outbox if email.subject.startswith("Đơn hàng mới")]
    assert [email.to for email in to_producer] == [["chu@example.vn", "htx@example.vn"]]


def test_a_new_order_reaches_an_english_reader_in_english(
        client, product, django_capture_on_commit_callbacks):
    reader = _member(product, "ke-toan")
    UserProfile.objects.update_or_create(user=reader, defaults={"preferred_language": "en"})
    add_to_basket(client, product)
    fill_guest_checkout(client)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkout:preview"), {"action": "place_order"})

    english = next(email for email in mail.outbox if email.to == ["ke-toan@example.vn"])
    assert english.body.startswith("Dear") and "Kính gửi" not in english.body


def test_a_stamp_sheet_email_reaches_each_reader_in_their_language(client, product,
                                                                   django_capture_on_commit_callbacks):
    owner = _member(product, "chu")
    grants.add_producer_user(owner, product.producer)
    english = _member(product, "ke-toan")
    UserProfile.objects.update_or_create(user=english, defaults={"preferred_language": "en"})
    _member(product, "tat", stamp_sheets=False)
    lot = LotFactory(product=product, code="LN-07")
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/cms/ocop/stamps/", {"lot": lot.pk, "count": 20})

    sheets = sorted(mail.outbox, key=lambda email: email.to)
    assert [email.to for email in sheets] == [["chu@example.vn"], ["ke-toan@example.vn"]]
    assert sheets[0].subject == "Tem của lô LN-07 đã sẵn sàng để in"
    assert sheets[1].subject == "Stamps of lot LN-07 are ready to print"
    assert "/qr/lot/" in sheets[0].body and "stamps.pdf" in sheets[0].body and "20" in sheets[0].body


def test_a_producer_switches_emails_off_in_its_account_settings(client, product):
    owner = _member(product, "chu")
    grants.add_producer_user(owner, product.producer)
    client.force_login(owner)

    page = client.get("/cms/account/").content.decode()
    assert "Email của OCOP Market" in page and "Đơn hàng mới có hàng cần giao" in page
    client.post("/cms/account/", {
        "name_email-first_name": "Chủ", "name_email-last_name": "HTX", "name_email-email": owner.email,
        "ocop_notifications-expiry_warnings": "on", "ocop_notifications-stamp_sheets": "on",
        "locale-preferred_language": "vi", "locale-current_time_zone": "", "theme-theme": "system",
        "theme-density": "default", "theme-contrast": "system",
    })

    chosen = NotificationSettings.objects.get(user=owner)
    assert (chosen.expiry_warnings, chosen.order_lines, chosen.stamp_sheets) == (True, False, True)
