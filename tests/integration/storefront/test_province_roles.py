"""The role matrix: a trade officer manages their own province's sales points and fairs only."""

import pytest

from access import grants
from tests.factories import SalesPointFactory, TradeFairFactory

pytestmark = pytest.mark.django_db

HCM, HUE = 79, 46


def _officer(django_user_model, username, province):
    user = django_user_model.objects.create_user(username, f"{username}@sct.gov.vn", "pw")
    grants.add_officer(user, province)
    return user


@pytest.fixture
def objects():
    return {
        "sales point HCM": SalesPointFactory(province_code=HCM),
        "sales point Huế": SalesPointFactory(province_code=HUE, commune_code=19960),
        "fair HCM": TradeFairFactory(province_code=HCM),
        "fair Huế": TradeFairFactory(province_code=HUE),
    }


def _url(obj, action):
    app, model = obj._meta.app_label, obj._meta.model_name
    return f"/cms/snippets/{app}/{model}/{action}/{obj.pk}/"


@pytest.mark.parametrize("action", ["edit", "delete"])
@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("officer HCM", {"sales point HCM", "fair HCM"}),
        ("officer Huế", {"sales point Huế", "fair Huế"}),
        ("staff without a province", set()),
    ],
)
def test_officers_reach_their_own_province_only_and_get_403_elsewhere(
    client, django_user_model, objects, who, allowed, action
):
    province = {"officer HCM": HCM, "officer Huế": HUE}.get(who)
    client.force_login(_officer(django_user_model, "officer", province))

    statuses = {name: client.get(_url(obj, action)).status_code for name, obj in objects.items()}

    assert statuses == {name: 200 if name in allowed else 403 for name in objects}


def test_officer_list_shows_only_their_province(client, django_user_model, objects):
    client.force_login(_officer(django_user_model, "officer", HCM))

    page = client.get("/cms/snippets/salespoints/salespoint/").content.decode()

    assert objects["sales point HCM"].name in page and objects["sales point Huế"].name not in page


def test_officer_cannot_move_a_fair_into_another_province(client, django_user_model, objects):
    client.force_login(_officer(django_user_model, "officer", HCM))
    fair = objects["fair HCM"]

    response = client.post(_url(fair, "edit"), {
        "name": fair.name, "slug": fair.slug, "kind": "fair", "venue": fair.venue, "province_code": HUE,
        "starts_on": fair.starts_on.isoformat(), "ends_on": fair.ends_on.isoformat(),
        "organiser": fair.organiser,
    })

    assert response.status_code == 200  # the form again, with the error
    assert "Bạn chỉ quản lý được dữ liệu của tỉnh/thành phố mình." in response.content.decode()
    fair.refresh_from_db()
    assert fair.province_code == HCM
