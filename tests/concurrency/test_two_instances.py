"""Two app instances (gunicorn, two ports) share PostgreSQL and Redis: a write through one is fresh on both.

Nothing of freshness lives in one process's memory: the versions are in the database, the pages
in Redis.
"""

import json
import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import requests
from django.db import connection

from gs1 import links
from tests.factories import LotFactory, ProductFactory
from traceability.capture import token_create

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://ocop.example.vn"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_transactional_db"),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="instances share a database server"),
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def instances():
    if not _redis_up():
        pytest.skip("Redis is not running")
    settings_dict = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storefront.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}/"
        f"{settings_dict['NAME']}",
        "REDIS_URL": REDIS_URL,
        "PUBLIC_BASE_URL": BASE,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=False, capture_output=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen(
            [
                str(gunicorn),
                "storefront.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        for port in ports
    ]
    try:
        for port in ports:
            _wait_for(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def _wait_for(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10).ok:
                return
        except requests.RequestException:  # not listening yet, or still loading the app
            time.sleep(0.3)
    raise AssertionError(f"no instance answered on port {port}")


def _event_document(gtin, lot_code):
    return {
        "@context": [
            "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
            {"ocop": f"{BASE}/ns/ocop#"},
        ],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": "2026-03-05T09:01:00+07:00",
        "epcisBody": {
            "eventList": [
                {
                    "type": "ObjectEvent",
                    "eventTime": "2026-03-05T09:00:00+07:00",
                    "eventTimeZoneOffset": "+07:00",
                    "action": "OBSERVE",
                    "bizStep": "packing",
                    "quantityList": [{"epcClass": f"{BASE}/01/{gtin}/10/{lot_code}", "quantity": 200}],
                    "ocop:place": "Xưởng đóng gói Thạnh An",
                }
            ]
        },
    }


def test_a_write_through_one_instance_is_fresh_on_the_other(instances):
    first, second = instances
    product = ProductFactory(gtin="8930000000019")
    lot = LotFactory(product=product, code="L2026-01", produced_on=date(2026, 3, 1))
    key = token_create(producer=product.producer, name="Máy đóng gói", user=None)[1]
    page = links.lot_trace_path(lot)
    assert requests.get(first + page, timeout=10).headers["X-Cache"] == "miss"
    cached = requests.get(second + page, timeout=10)
    assert cached.headers["X-Cache"] == "hit"  # stored by the first instance, served by the second
    assert "Xưởng đóng gói Thạnh An" not in cached.text

    captured = requests.post(
        first + "/api/v1/epcis/capture",
        data=json.dumps(_event_document("08930000000019", lot.code)),
        headers={"Content-Type": "application/ld+json", "Authorization": f"Bearer {key}"},
        timeout=10,
    )
    assert captured.status_code in (201, 202), captured.text

    fresh = requests.get(second + page, timeout=10)
    assert fresh.headers["X-Cache"] == "miss"
    assert "Xưởng đóng gói Thạnh An" in fresh.text
    assert requests.get(first + page, timeout=10).headers["X-Cache"] == "hit"  # the second's render, shared
