"""In /cms/, a producer's users find their own products' sheets for marketplaces, and no one else's."""

import pytest
from django.urls import reverse

from tests.factories import ProducerFactory

pytestmark = pytest.mark.django_db


def test_a_producer_user_sees_its_own_producers_sheets_only(client, producer_user):
    own, other = ProducerFactory(name="HTX Diêm nghiệp Lý Nhơn"), ProducerFactory(name="HTX Nước mắm Cần Giờ")
    own.partner.users.add(producer_user)
    client.force_login(producer_user)

    page = client.get(reverse("marketplace_sheets")).content.decode()
    menu = client.get("/cms/").content.decode()

    assert own.name in page and reverse("feeds:producer", args=[own.slug, "xlsx"]) in page
    assert other.name not in page and other.slug not in page
    assert reverse("marketplace_sheets") in menu


def test_a_user_of_no_producer_is_told_so_and_visitors_must_sign_in(client, producer_user):
    ProducerFactory()
    client.force_login(producer_user)
    assert "chưa gắn với chủ thể OCOP nào" in client.get(reverse("marketplace_sheets")).content.decode()
    assert reverse("marketplace_sheets") not in client.get("/cms/").content.decode()

    client.logout()
    assert client.get(reverse("marketplace_sheets")).status_code == 302  # to the /cms/ sign-in
