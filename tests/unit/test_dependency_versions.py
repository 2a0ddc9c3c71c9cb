"""The frameworks we run are at or above their latest security releases.

Raise a minimum whenever a security release comes out (and regenerate both lock files with the
commands at their top); the test then fails until the lock files carry it.
"""

from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.version import Version

# Checked 2026-12-02 against PyPI (`pip index versions`) and the projects' release notes:
MINIMUMS = {
    # Django 5.2.19: the newest 5.2 patch on PyPI. Its notes were not reachable from here, so whether
    # it is itself a security release is unconfirmed; it carries every earlier one (e.g. 5.2.11, the
    # February 2026 SQL-injection and denial-of-service release).
    "django": "5.2.19",
    # Wagtail 8.0.1: the newest 8.0 patch (bug fixes over 8.0); the last published security fixes
    # (GHSA-3vrh-m9w7-v94f, GHSA-92hv-j533-69wc, GHSA-c2xx-cjmh-9q8f, GHSA-x5cx-w6p2-mxf2,
    # GHSA-jm5p-837g-rv8g) came in 7.3.4 on 2026-08-20, before the 8.0 line.
    "wagtail": "8.0.1",
    # django-oscar 4.2.1: the newest 4.2 patch on PyPI (its notes were not reachable from here).
    "django-oscar": "4.2.1",
    # Our own security layers, at the versions these tests were written against.
    "django-axes": "8.3.1",
    "django-csp": "4.0",
}


@pytest.mark.parametrize("package", MINIMUMS)
def test_installed_version_is_at_least_the_latest_security_release(package):
    assert Version(version(package)) >= Version(MINIMUMS[package]), (
        f"{package} {version(package)} < {MINIMUMS[package]}: upgrade and regenerate the lock files"
    )


@pytest.mark.parametrize("package", MINIMUMS)
def test_both_lock_files_pin_at_least_the_minimum(package):
    root = Path(__file__).resolve().parents[2]
    for lock in ("requirements.lock", "requirements-test.lock"):
        lines = (root / lock).read_text().splitlines()
        pins = dict(line.split(" ")[0].split("==") for line in lines if "==" in line and line[0].isalnum())
        assert Version(pins[package]) >= Version(MINIMUMS[package]), f"{lock} pins {package} {pins[package]}"
