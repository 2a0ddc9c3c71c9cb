"""Redis down: pages still answer, from the database, and come back to the cache when it returns."""

import logging

import pytest
from django.core.cache import cache

from gs1 import links
from tests.factories import ProductFactory, StampFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def _redis_cache(settings, location):
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.redis.DegradingRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }


def test_every_kind_of_page_answers_while_redis_is_down(client, settings, caplog):
    _redis_cache(settings, UNREACHABLE)
    stamp = StampFactory()
    product = stamp.lot.product

    with caplog.at_level(logging.WARNING, logger="pagecache.redis"):
        for url in ("/", "/catalogue/", product.get_absolute_url(), "/search/?q=muoi", "/diem-ban/",
                    links.stamp_trace_path(stamp), links.product_trace_path(product)):
            assert client.get(url).status_code == 200, url
        basket = client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, follow=True)

    assert basket.context["request"].basket.num_lines == 1
    assert stamp.scans.count() == 1  # counted, though its rate limit cannot be claimed
    assert len([r for r in caplog.records if "Redis unreachable" in r.message]) == 1  # once per outage


def test_checks_are_counted_while_redis_is_down(client, settings):
    """Without its rate limit the log would rather count a repeat than lose a check."""
    _redis_cache(settings, UNREACHABLE)
    stamp = StampFactory()
    for _ in range(2):
        client.get(links.stamp_trace_path(stamp))
    stamp.refresh_from_db()
    assert (stamp.scans.count(), stamp.scan_count) == (2, 2)


def test_with_redis_up_a_trace_page_comes_from_the_cache(client, settings, django_assert_max_num_queries):
    _redis_cache(settings, "redis://127.0.0.1:6379/15")
    cache.clear()
    product = ProductFactory()
    client.get(links.product_trace_path(product))

    with django_assert_max_num_queries(1):  # the gate's inputs; the page itself from Redis
        assert client.get(links.product_trace_path(product)).status_code == 200
    cache.clear()


def test_each_outage_is_logged_once_and_the_recovery_too(monkeypatch, caplog):
    from django.core.cache.backends.redis import RedisCacheClient
    from redis.exceptions import ConnectionError as RedisConnectionError

    from pagecache import redis as degrading

    answers = iter(["down", "down", "value", "down"])

    def flaky_get(self, key, default):
        answer = next(answers)
        if answer == "down":
            raise RedisConnectionError("connection refused")
        return answer

    monkeypatch.setattr(RedisCacheClient, "get", flaky_get)
    monkeypatch.setattr(degrading, "RETRY_SECONDS", 0)  # retry at once, to see each state
    client = degrading.DegradingRedisCacheClient(["redis://127.0.0.1:6379/15"])

    with caplog.at_level(logging.WARNING, logger="pagecache.redis"):
        results = [client.get("key", "miss") for _ in range(4)]

    assert results == ["miss", "miss", "value", "miss"]
    assert [r.message.split(" (")[0] for r in caplog.records] == [
        "Redis unreachable", "Redis reachable again", "Redis unreachable"
    ]
