"""Repeated wrong passwords lock a login out on every login form, per username and client address."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "muoi-hat-Can-Gio-2026"
WRONG = "sai-mat-khau"


@pytest.fixture
def users():
    User = get_user_model()
    return [
        User.objects.create_user(name, f"{name}@ocop.example.vn", PASSWORD, is_staff=True, is_superuser=True)
        for name in ("an", "binh")
    ]


def _cms_login(client, username, password, ip="203.0.113.7"):
    return client.post("/cms/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def _shop_login(client, email, password, ip="203.0.113.7"):
    data = {"login-username": email, "login-password": password, "login_submit": "1"}
    return client.post("/accounts/login/", data, REMOTE_ADDR=ip)


def _signed_in(client):
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_cms_login_even_for_the_right_one(client, users):
    for _ in range(4):
        assert _cms_login(client, "an", WRONG).status_code == 200  # the form again, with its error
    fifth = _cms_login(client, "an", WRONG)
    assert fifth.status_code == 429

    response = _cms_login(client, "an", PASSWORD)

    assert response.status_code == 429 and not _signed_in(client)
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page and "15 phút" in page  # Vietnamese first
    assert "Too many failed sign-ins" in page and "15 minutes" in page


def test_five_wrong_passwords_lock_the_shop_login(client, users):
    for _ in range(5):
        _shop_login(client, "an@ocop.example.vn", WRONG)

    response = _shop_login(client, "an@ocop.example.vn", PASSWORD)

    assert response.status_code == 429 and not _signed_in(client)


def test_changing_the_case_of_the_e_mail_does_not_buy_more_guesses(client, users):
    for spelling in ["an@ocop.example.vn", "AN@ocop.example.vn", "An@Ocop.example.vn", "aN@ocop.example.vn"]:
        _shop_login(client, spelling, WRONG)
    _shop_login(client, "AN@OCOP.EXAMPLE.VN", WRONG)

    assert _shop_login(client, "an@ocop.example.vn", PASSWORD).status_code == 429


def test_the_django_admin_login_is_locked_too(client, users):
    def login(password):
        credentials = {"username": "an", "password": password}
        return client.post("/django-admin/login/", credentials, REMOTE_ADDR="203.0.113.7")

    for _ in range(5):
        login(WRONG)

    response = login(PASSWORD)

    assert response.status_code == 429


def test_another_user_at_the_same_address_can_still_sign_in(client, users):
    for _ in range(5):
        _cms_login(client, "an", WRONG)

    response = _cms_login(client, "binh", PASSWORD)

    assert response.status_code == 302 and _signed_in(client)


def test_the_locked_user_can_still_sign_in_from_another_address(client, users):
    """Locking by username and address together: an attacker cannot lock a user out everywhere."""
    for _ in range(5):
        _cms_login(client, "an", WRONG, ip="198.51.100.66")

    response = _cms_login(client, "an", PASSWORD, ip="203.0.113.7")

    assert response.status_code == 302 and _signed_in(client)


def test_a_success_resets_the_count(client, users):
    for _ in range(4):
        _cms_login(client, "an", WRONG)
    assert _cms_login(client, "an", PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        _cms_login(client, "an", WRONG)
    response = _cms_login(client, "an", PASSWORD)

    assert response.status_code == 302 and _signed_in(client)


def test_the_lockout_ends_after_the_cool_off(client, users, settings):
    for _ in range(5):
        _cms_login(client, "an", WRONG)
    AccessAttempt.objects.update(attempt_time="2020-01-01T00:00Z")  # long before the 15-minute cool-off

    assert _cms_login(client, "an", PASSWORD).status_code == 302


def test_a_forged_x_forwarded_for_does_not_reset_the_count(client, users):
    """Without a trusted proxy configured, the client's own address counts, not a header it sends."""
    for n in range(5):
        client.post(
            "/cms/login/", {"username": "an", "password": WRONG},
            REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )

    assert _cms_login(client, "an", PASSWORD).status_code == 429


def test_logins_work_and_are_counted_while_redis_is_down(client, users, settings):
    """Attempts live in the database: a cache outage neither blocks logins nor lifts the limit."""
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.redis.DegradingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens
            "OPTIONS": {"socket_connect_timeout": 0.05, "socket_timeout": 0.05},
        }
    }
    for _ in range(5):
        _cms_login(client, "an", WRONG)

    assert _cms_login(client, "an", PASSWORD).status_code == 429
    assert _cms_login(client, "binh", PASSWORD).status_code == 302


@pytest.fixture
def behind_one_proxy(settings):
    """As production runs (storefront.settings.production: TRUSTED_PROXY_COUNT defaults to 1)."""
    settings.AXES_IPWARE_PROXY_COUNT = 0  # no proxy entries after the client's in X-Forwarded-For
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")


def _via_proxy(client, username, password, forwarded_for):
    return client.post(
        "/cms/login/", {"username": username, "password": password},
        REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_the_proxy_each_client_is_counted_apart(client, users, behind_one_proxy):
    for _ in range(5):
        _via_proxy(client, "an", WRONG, "198.51.100.66")  # the attacker, as the proxy reports it

    assert _via_proxy(client, "an", PASSWORD, "203.0.113.7").status_code == 302  # the real user


def test_behind_the_proxy_a_forged_address_in_front_does_not_reset_the_count(client, users, behind_one_proxy):
    for n in range(5):
        _via_proxy(client, "an", WRONG, f"192.0.2.{n}, 198.51.100.66")  # forged left part, real right

    assert _via_proxy(client, "an", PASSWORD, "192.0.2.77, 198.51.100.66").status_code == 429
