"""Production settings pass Django's deployment checklist and refuse to start without a secret."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _environment_without(*names):
    # The e2e harness allows sync ORM calls beside Playwright's loop; a real deployment never does.
    return {k: v for k, v in os.environ.items() if k not in names + ("DJANGO_ALLOW_ASYNC_UNSAFE",)}


def _manage(*args, **env):
    environment = {
        **_environment_without(),
        "DJANGO_SETTINGS_MODULE": "storefront.settings.production",
        "ALLOWED_HOSTS": "ocop.example.vn",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(50))

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    environment = _environment_without("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "storefront.settings.production"},
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_static_files_collect_with_the_production_manifest_storage(tmp_path):
    """Regression: vendored leaflet.js pointed at a source map we do not ship, so collectstatic
    (the Docker image build, bench/run.py) failed under the manifest storage."""
    result = _manage("collectstatic", "--noinput", "-v0", SECRET_KEY=secrets.token_urlsafe(50),
                     STATIC_ROOT=str(tmp_path))

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()


def test_with_the_database_down_a_page_answers_503_and_asks_to_retry():
    script = (
        "from django.test import Client; "
        "r = Client(raise_request_exception=False).get('/catalogue/'); "
        "print(r.status_code, r['Retry-After']); print(r.content.decode())"
    )
    result = _manage(
        "shell", "-c", script, SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false", DATABASE_URL="postgres://postgres@127.0.0.1:1/ocop",  # nothing listens
    )

    assert result.returncode == 0, result.stderr
    assert "503 30" in result.stdout.splitlines()  # status and Retry-After
    assert "OCOP Market đang tạm thời gián đoạn" in result.stdout
