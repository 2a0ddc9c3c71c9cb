"""Officers keep a fair's exhibitors and listings in the admin; the listing gate decides what may be shown."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from access import grants, rules
from catalogue.models import Certificate
from tests.factories import (
    CertificateFactory,
    ExhibitorFactory,
    ProducerFactory,
    ProductFactory,
    TradeFairFactory,
)
from tradefairs.models import Exhibitor, FairListing
from tradefairs.services import NOT_LISTABLE

pytestmark = pytest.mark.django_db

HCM, HUE = 79, 46


@pytest.fixture
def officer(client, django_user_model):
    user = django_user_model.objects.create_user("canbo", "canbo@sct.hochiminhcity.gov.vn", "pw")
    grants.add_officer(user, HCM)
    client.force_login(user)
    return user


@pytest.fixture
def exhibitor():
    return ExhibitorFactory(booth="B07", fair=TradeFairFactory(province_code=HCM))


def _page(exhibitor):
    return reverse("tradefair_exhibitors", args=[exhibitor.fair.pk])


def test_an_officer_keeps_their_provinces_fairs_only(client, officer, exhibitor):
    other = TradeFairFactory(province_code=HUE)
    assert client.get(_page(exhibitor)).status_code == 200
    assert client.get(reverse("tradefair_exhibitors", args=[other.pk])).status_code == 403
    listing = client.get("/cms/snippets/tradefairs/tradefair/").content.decode()
    assert _page(exhibitor) in listing  # the fairs list links each fair's exhibitors


def test_an_officer_adds_an_exhibitor_and_a_booth_is_taken_once(client, officer, exhibitor):
    producer = ProducerFactory(name="HTX Muối Lý Nhơn")

    client.post(_page(exhibitor), {"action": "add_exhibitor", "producer": producer.pk, "booth": "B08"})
    taken = client.post(_page(exhibitor), {"action": "add_exhibitor", "producer": ProducerFactory().pk,
                                           "booth": "B07"})

    assert exhibitor.fair.exhibitors.get(booth="B08").producer == producer
    assert taken.status_code == 200 and "booth" in taken.context["exhibitor_form"].errors
    assert exhibitor.fair.exhibitors.count() == 2


def test_a_listable_product_is_listed_and_a_revoked_one_refused(client, officer, exhibitor):
    listable = ProductFactory(producer=exhibitor.producer, title="Muối hạt Cần Giờ")
    revoked = ProductFactory(producer=exhibitor.producer, title="Muối tôm Cần Giờ", certificate=None)
    CertificateFactory(product=revoked, revoked=True)

    add = {"action": "add_listing", "exhibitor": exhibitor.pk}
    client.post(_page(exhibitor), {**add, "product": listable.pk})
    refused = client.post(_page(exhibitor), {**add, "product": revoked.pk})

    assert list(FairListing.objects.values_list("product__title", flat=True)) == ["Muối hạt Cần Giờ"]
    assert str(NOT_LISTABLE) in refused.content.decode()


def test_a_listing_revoked_during_the_fair_shows_withdrawn_with_its_date(client, officer, exhibitor):
    product = ProductFactory(producer=exhibitor.producer, title="Khô cá đù Cần Giờ")
    FairListing.objects.create(exhibitor=exhibitor, product=product)
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-11-20", revocation_decision_number="9/QĐ-UBND"
    )

    page = client.get(_page(exhibitor)).content.decode()

    assert "Khô cá đù Cần Giờ" in page and "Đã rút: bị thu hồi ngày 20/11/2026" in page


def test_removing_an_exhibitor_of_another_fair_does_nothing(client, officer, exhibitor):
    elsewhere = ExhibitorFactory(fair=TradeFairFactory(province_code=HUE))
    client.post(_page(exhibitor), {"action": "remove_exhibitor", "pk": elsewhere.pk})
    assert Exhibitor.objects.filter(pk=elsewhere.pk).exists()


def test_add_trade_officer_command_gives_a_user_their_province(django_user_model):
    user = django_user_model.objects.create_user("canbo.hue", "canbo@sct.hue.gov.vn", "pw")
    call_command("add_trade_officer", "canbo.hue", str(HUE))
    assert rules.officer_province(user) == HUE
    assert user.has_perm("tradefairs.change_tradefair") and user.has_perm("salespoints.add_salespoint")
