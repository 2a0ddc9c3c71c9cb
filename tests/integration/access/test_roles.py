"""Officer roles are granted and withdrawn in /cms/ by administrators, or by a command for scripts."""

import pytest
from django.core.management import call_command

from access import rules
from access.grants import CERTIFICATION_GROUP, OFFICERS_GROUP
from access.models import CertificationOfficer, TradeOfficer

pytestmark = pytest.mark.django_db

HUE, HCM = 46, 79


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@ocop.vn", "pw"))
    return client


@pytest.fixture
def canbo(django_user_model):
    return django_user_model.objects.create_user("canbo.hue", "canbo@hue.gov.vn", "pw")


def test_an_administrator_grants_both_roles_in_the_cms_and_withdraws_one(admin_client, canbo):
    for model in ("certificationofficer", "tradeofficer"):
        response = admin_client.post(f"/cms/snippets/access/{model}/add/",
                                     {"user": canbo.pk, "province_code": HUE})
        assert response.status_code == 302

    assert (rules.certification_province(canbo), rules.officer_province(canbo)) == (HUE, HUE)
    assert rules.may_certify(canbo)
    assert set(canbo.groups.values_list("name", flat=True)) == {CERTIFICATION_GROUP, OFFICERS_GROUP}

    role = CertificationOfficer.objects.get(user=canbo)
    admin_client.post(f"/cms/snippets/access/certificationofficer/delete/{role.pk}/")

    canbo = type(canbo).objects.get(pk=canbo.pk)
    assert not rules.may_certify(canbo) and rules.officer_province(canbo) == HUE
    assert list(canbo.groups.values_list("name", flat=True)) == [OFFICERS_GROUP]


def test_an_officer_cannot_grant_itself_another_province(client, canbo):
    call_command("add_trade_officer", "canbo.hue", str(HUE))
    client.force_login(canbo)

    response = client.post("/cms/snippets/access/tradeofficer/add/", {"user": canbo.pk, "province_code": HCM})

    assert response.status_code == 302 and response.url == "/cms/"  # Wagtail's "permission denied"
    assert list(TradeOfficer.objects.values_list("province_code", flat=True)) == [HUE]


def test_the_certification_officer_command_gives_a_user_its_province(canbo):
    call_command("add_certification_officer", "canbo.hue", str(HUE))

    assert rules.certification_province(canbo) == HUE
    assert rules.certifying_province(canbo) == HUE and not canbo.has_perm("catalogue.add_certificate")
