import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from access import rules
from catalogue.demo import PRODUCERS
from catalogue.models import Producer
from storefront.demo import seed_accounts
from tests.factories import ProducerFactory

pytestmark = pytest.mark.django_db


def test_the_demo_accounts_hold_their_roles_and_are_made_once():
    producer = ProducerFactory(slug=PRODUCERS[0].slug, name=PRODUCERS[0].name)

    assert seed_accounts("thu-demo-2026") == ["quantri", "chuthe", "canbo"]
    assert seed_accounts("thu-demo-2026") == []

    request = RequestFactory().post("/cms/login/")
    admin, owner, officer = (authenticate(request, username=name, password="thu-demo-2026")
                             for name in ("quantri", "chuthe", "canbo"))
    assert rules.is_administrator(admin)
    assert list(rules.own_producers(owner, Producer.objects.all())) == [producer]
    assert rules.officer_province(officer) == rules.certification_province(officer) == producer.province_code
