"""People join by invitation: officers and staff invite producers, producers their colleagues,
administrators officers; the link works once, for 7 days, and only for what it names."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from access import grants, rules
from onboarding import services
from onboarding.models import Invitation
from tests.factories import ProducerFactory, producer_page

pytestmark = pytest.mark.django_db

HCM, HUE, HUE_COMMUNE = 79, 46, 19960
INVITE = "/cms/ocop/moi/"
PASSWORD = "muoi-can-gio-2026"


@pytest.fixture
def producer_a():
    producer = ProducerFactory(name="HTX Muối Cần Giờ", slug="htx-muoi")
    producer_page(producer)
    return producer


@pytest.fixture
def producer_b():
    place = {"province_code": HUE, "commune_code": HUE_COMMUNE}
    return ProducerFactory(name="HTX Mè xửng Huế", slug="htx-me-xung", **place)


def _user(username, **extra):
    return get_user_model().objects.create_user(username, f"{username}@example.vn", "pw", **extra)


def _officer(province, role=grants.add_certification_officer):
    officer = _user(f"canbo-{province}")
    role(officer, province)
    return officer


def _invite(client, capture, **data):
    with capture(execute=True):
        return client.post(INVITE, {"role": "producer", **data})


def _pending(email, producer, **extra):
    return Invitation.create(email=email, role="producer", producer=producer, sent=timezone.now(), **extra)


def _link():
    return re.search(r"https?://\S+/moi/\S+/", mail.outbox[-1].body).group(0)


def test_an_officer_invites_a_producer_who_sets_a_password_and_lands_in_its_workspace(
        client, producer_a, django_capture_on_commit_callbacks):
    client.force_login(_officer(HCM))

    response = _invite(client, django_capture_on_commit_callbacks, email="Chu.HTX@Example.vn",
                       producer=producer_a.pk)

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["chu.htx@example.vn"]
    assert "HTX Muối Cần Giờ" in mail.outbox[-1].subject and "7 ngày" in mail.outbox[-1].body
    link = _link()
    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and "HTX Muối Cần Giờ" in page.content.decode()

    # A crafted field naming another producer changes nothing: the grant is the invitation's.
    accepted = client.post(link, {"name": "Nguyễn Văn Muối", "password1": PASSWORD, "password2": PASSWORD,
                                  "producer": 999}, follow=True)

    user = get_user_model().objects.get(email="chu.htx@example.vn")
    assert accepted.redirect_chain[-1][0] == "/cms/ocop/co-so/" and accepted.context["user"] == user
    assert "Cơ sở của tôi" in accepted.content.decode()
    assert list(rules.own_producers(user, type(producer_a).objects.all())) == [producer_a]
    assert rules.may_use_producer_workspace(user) and user.has_perm("traceability.add_lot")
    assert client.get(link).status_code == 410  # once only


def test_an_invitation_expires_after_7_days(client, producer_a):
    invitation = _pending("tre@example.vn", producer_a)

    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.post(f"/moi/{invitation.key}/", {"name": "X", "password1": PASSWORD,
                                                            "password2": PASSWORD})

    assert response.status_code == 410 and str(services.INVITATION_GONE) in response.content.decode()
    assert not get_user_model().objects.filter(email="tre@example.vn").exists()


def test_an_officer_of_another_province_cannot_invite_to_a_producer(
        client, producer_a, django_capture_on_commit_callbacks):
    client.force_login(_officer(HUE, grants.add_officer))

    capture = django_capture_on_commit_callbacks
    response = _invite(client, capture, email="x@example.vn", producer=producer_a.pk)

    assert response.status_code == 200 and "producer" in response.context["form"].errors
    assert not Invitation.objects.exists() and mail.outbox == []


def test_a_producer_invites_colleagues_of_its_own_producer_only(
        client, producer_a, producer_b, django_capture_on_commit_callbacks):
    owner = _user("chu-a")
    grants.add_producer_user(owner, producer_a)
    client.force_login(owner)

    capture = django_capture_on_commit_callbacks
    own = _invite(client, capture, email="ke-toan@example.vn", producer=producer_a.pk)
    other = _invite(client, capture, email="x@example.vn", producer=producer_b.pk)
    officer = _invite(client, capture, email="y@example.vn", role="trade_officer", province_code=HCM)

    assert own.status_code == 302
    assert other.status_code == 200 and officer.status_code == 200
    sent = list(Invitation.objects.values_list("email", "producer"))
    assert sent == [("ke-toan@example.vn", producer_a.pk)]


def test_an_administrator_invites_an_officer_for_a_province(
        admin_client, django_capture_on_commit_callbacks, client):
    _invite(admin_client, django_capture_on_commit_callbacks, email="sct@hue.gov.vn",
            role="certification_officer", province_code=HUE)
    client.post(_link(), {"name": "Trần Thị Huế", "password1": PASSWORD, "password2": PASSWORD})

    officer = get_user_model().objects.get(email="sct@hue.gov.vn")
    assert rules.certification_province(officer) == HUE and rules.officer_province(officer) is None


def test_an_existing_account_proves_its_password_to_take_the_role(client, producer_a):
    shopper = _user("khach")
    invitation = _pending(shopper.email, producer_a)

    wrong = client.post(f"/moi/{invitation.key}/", {"password": "sai"})
    right = client.post(f"/moi/{invitation.key}/", {"password": "pw"})

    assert wrong.status_code == 400 and "Mật khẩu không đúng." in wrong.content.decode()
    assert right.status_code == 302
    assert get_user_model().objects.filter(email=shopper.email).count() == 1
    assert rules.is_producer_user(shopper)


def test_bad_passwords_keep_the_name_and_create_nothing(client, producer_a):
    invitation = _pending("moi@example.vn", producer_a)

    response = client.post(f"/moi/{invitation.key}/", {"name": "Lê Văn Mới", "password1": "123",
                                                        "password2": "123"})

    page = response.content.decode()
    assert response.status_code == 400 and 'value="Lê Văn Mới"' in page
    assert not get_user_model().objects.filter(email="moi@example.vn").exists()
    invitation.refresh_from_db()
    assert not invitation.accepted


def test_whoever_invited_closes_the_account_and_nobody_else_can(client, producer_a):
    inviter, stranger = _officer(HCM), _officer(HUE)
    invitation = _pending("nv@example.vn", producer_a, inviter=inviter)
    member = services.accept(invitation.key, password=PASSWORD, name="Nhân viên")

    client.force_login(stranger)
    client.post(INVITE, {"action": "deactivate", "invitation": invitation.pk})
    member.refresh_from_db()
    assert member.is_active

    client.force_login(inviter)
    client.post(INVITE, {"action": "deactivate", "invitation": invitation.pk})
    member.refresh_from_db()
    assert not member.is_active


def test_an_invited_account_resets_a_forgotten_password(client, producer_a):
    invitation = _pending("quen@example.vn", producer_a)
    services.accept(invitation.key, password=PASSWORD, name="Hay Quên")

    client.post("/cms/password_reset/", {"email": "quen@example.vn"})

    email = mail.outbox[-1]
    assert email.to == ["quen@example.vn"] and "/cms/password_reset/confirm/" in email.body


def test_staff_given_the_roles_permission_invite_officers_and_other_staff_do_not(
        client, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Permission

    staff = _user("nhan-vien", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    refused = _invite(client, django_capture_on_commit_callbacks, email="a@sct.vn", role="trade_officer",
                      province_code=HUE)
    staff.user_permissions.add(Permission.objects.get(codename="change_tradeofficer"))
    staff = get_user_model().objects.get(pk=staff.pk)  # permissions are cached per user object
    client.force_login(staff)
    allowed = _invite(client, django_capture_on_commit_callbacks, email="b@sct.vn", role="trade_officer",
                      province_code=HUE)

    assert refused.status_code == 200 and allowed.status_code == 302
    assert list(Invitation.objects.values_list("email", "role", "province_code")) == [
        ("b@sct.vn", "trade_officer", HUE)]


def test_a_producers_own_form_comes_with_its_producer_chosen(client, producer_a):
    owner = _user("chu-a")
    grants.add_producer_user(owner, producer_a)
    client.force_login(owner)

    form = client.get(INVITE).context["form"]

    assert form["producer"].value() == producer_a.pk
