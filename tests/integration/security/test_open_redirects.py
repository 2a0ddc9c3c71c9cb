"""No redirect leaves the site, whatever `next`, a referrer or a form field says."""

from urllib.parse import urlsplit

import pytest

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

PASSWORD = "muoi-hat-Can-Gio-2026"
ELSEWHERE = [
    "https://evil.example/",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "https:evil.example",
    "http://testserver@evil.example/",
    " https://evil.example/",
]


def assert_stays_on_the_site(response):
    assert response.status_code in (301, 302, 303), response.status_code
    location = urlsplit(response["Location"].strip())
    assert location.netloc in ("", "testserver"), response["Location"]
    assert not response["Location"].lstrip().startswith(("//", "/\\")), response["Location"]


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(
        "an", "an@ocop.example.vn", PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_language_switch_stays_on_the_site(client, target):
    response = client.post("/i18n/setlang/", {"language": "en", "next": target}, HTTP_REFERER=target)

    assert_stays_on_the_site(response)


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_shop_login_stays_on_the_site(client, user, target):
    data = {"login-username": user.email, "login-password": PASSWORD, "login-redirect_url": target,
            "login_submit": "1"}

    response = client.post(f"/accounts/login/?next={target}", data)

    assert_stays_on_the_site(response)


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_cms_login_stays_on_the_site(client, user, target):
    response = client.post("/cms/login/", {"username": "an", "password": PASSWORD, "next": target})

    assert_stays_on_the_site(response)


@pytest.mark.parametrize("target", ELSEWHERE)
def test_the_django_admin_login_stays_on_the_site(client, user, target):
    response = client.post("/django-admin/login/", {"username": "an", "password": PASSWORD, "next": target})

    assert_stays_on_the_site(response)


@pytest.mark.parametrize("target", ELSEWHERE)
def test_adding_to_the_basket_stays_on_the_site(client, target):
    product = ProductFactory()

    response = client.post(
        f"/basket/add/{product.pk}/", {"quantity": 1, "next": target}, HTTP_REFERER=target
    )

    assert_stays_on_the_site(response)
    assert client.get("/basket/").context["basket"].num_items == 1  # the add itself went through


@pytest.mark.parametrize("target", ELSEWHERE)
def test_changing_the_basket_stays_on_the_site(client, target):
    product = ProductFactory()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
    line = client.get("/basket/").context["basket"].all_lines()[0]
    data = {
        "form-TOTAL_FORMS": 1, "form-INITIAL_FORMS": 1, "form-MIN_NUM_FORMS": 0, "form-MAX_NUM_FORMS": 1000,
        "form-0-id": line.pk, "form-0-quantity": 0,
    }

    response = client.post("/basket/", data, HTTP_REFERER=target)

    assert_stays_on_the_site(response)


@pytest.mark.parametrize("target", ELSEWHERE)
def test_logging_out_stays_on_the_site(client, user, target):
    client.force_login(user)

    response = client.get(f"/accounts/logout/?next={target}")

    assert_stays_on_the_site(response)
