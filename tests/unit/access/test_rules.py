"""Who may do what, decided on built users and objects (no database)."""

from types import SimpleNamespace

import pytest

from access import rules

HCM, HUE = 79, 46


def user(*, officer_of=None, superuser=False, staff=False, authenticated=True):
    officer = SimpleNamespace(province_code=officer_of) if officer_of else None
    return SimpleNamespace(
        is_authenticated=authenticated, is_superuser=superuser, is_staff=staff, trade_officer=officer
    )


ANONYMOUS = user(authenticated=False)
SUPERUSER = user(superuser=True)
STAFF = user(staff=True)
HCM_OFFICER = user(officer_of=HCM)
HUE_OFFICER = user(officer_of=HUE)
SHOPPER = user()
IN_HCM = SimpleNamespace(province_code=HCM)


@pytest.mark.parametrize(
    ("who", "may"),
    [(SUPERUSER, True), (HCM_OFFICER, True), (HUE_OFFICER, False), (STAFF, False), (SHOPPER, False),
     (ANONYMOUS, False)],
)
def test_only_a_superuser_or_an_officer_of_the_objects_province_manages_it(who, may):
    assert rules.can_manage(who, IN_HCM) is may


def test_officers_see_their_own_provinces_reports_and_superusers_choose():
    assert rules.report_scope(HCM_OFFICER, requested=str(HUE)) == (True, HCM)
    assert rules.report_scope(SUPERUSER, requested=str(HUE)) == (True, HUE)
    assert rules.report_scope(SUPERUSER, requested="all") == (True, None)
    assert rules.report_scope(STAFF, requested=None) == (False, None)
    assert rules.may_see_reports(HUE_OFFICER) and not rules.may_see_reports(STAFF)


def test_staff_see_what_the_public_no_longer_sees_and_nobody_else_does():
    assert rules.sees_withheld(STAFF)
    assert not rules.sees_withheld(HCM_OFFICER) and not rules.sees_withheld(ANONYMOUS)


def test_only_superusers_are_administrators():
    assert rules.is_administrator(SUPERUSER)
    assert not any(rules.is_administrator(who) for who in (STAFF, HCM_OFFICER, SHOPPER, ANONYMOUS))


def test_approval_needs_the_approval_group_and_the_right_to_publish_the_page():
    can_publish = SimpleNamespace(permissions_for_user=lambda u: SimpleNamespace(can_publish=lambda: True))
    cannot = SimpleNamespace(permissions_for_user=lambda u: SimpleNamespace(can_publish=lambda: False))

    assert rules.may_approve(HCM_OFFICER, can_publish, in_approval_groups=True)
    assert not rules.may_approve(HCM_OFFICER, cannot, in_approval_groups=True)
    assert not rules.may_approve(HCM_OFFICER, can_publish, in_approval_groups=False)
    assert rules.may_approve(SUPERUSER, cannot, in_approval_groups=False)
