"""Redis as the cache, degrading to cache misses while Redis is unreachable.

Everything cached here can be recomputed, so an outage must not become an error page: each
operation that fails answers as a miss (or "not stored"), and for RETRY_SECONDS afterwards
Redis is not even tried, so requests do not each wait for a connection timeout.
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
OUTAGE = (RedisConnectionError, RedisTimeoutError)


def _answer_when_down(answer):
    def decorate(method):
        @wraps(method)
        def guarded(self, *args, **kwargs):
            if time.monotonic() < self.down_until:
                return answer(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except OUTAGE as error:
                if not self.down_until:  # the first failure of this outage
                    logger.warning("Redis unreachable (%s): serving without the cache", error)
                self.down_until = time.monotonic() + RETRY_SECONDS
                return answer(*args, **kwargs)
            if self.down_until:
                logger.warning("Redis reachable again")
                self.down_until = 0.0
            return result

        return guarded

    return decorate


def _not_found(key, delta):
    raise ValueError(f"Key {key!r} not found (Redis unreachable).")


class DegradingRedisCacheClient(RedisCacheClient):
    down_until = 0.0  # while in the future, Redis is not tried; 0 while it answers

    def get_client(self, key=None, *, write=False):
        """One client per connection pool: Django builds a new one (and its tables of reply
        parsers, a good part of a cached page's time) for every operation. Clients are thread-safe."""
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if pool not in clients:
            clients[pool] = self._client(connection_pool=pool)
        return clients[pool]

    @_answer_when_down(lambda key, default: default)
    def get(self, key, default):
        return super().get(key, default)

    @_answer_when_down(lambda keys: {})
    def get_many(self, keys):
        return super().get_many(keys)

    @_answer_when_down(lambda *args: False)
    def add(self, key, value, timeout):
        return super().add(key, value, timeout)

    @_answer_when_down(lambda *args: None)
    def set(self, key, value, timeout):
        return super().set(key, value, timeout)

    @_answer_when_down(lambda *args: None)
    def set_many(self, data, timeout):
        return super().set_many(data, timeout)

    @_answer_when_down(lambda *args: False)
    def touch(self, key, timeout):
        return super().touch(key, timeout)

    @_answer_when_down(lambda key: False)
    def delete(self, key):
        return super().delete(key)

    @_answer_when_down(lambda keys: None)
    def delete_many(self, keys):
        return super().delete_many(keys)

    @_answer_when_down(_not_found)
    def incr(self, key, delta):
        return super().incr(key, delta)

    @_answer_when_down(lambda key: False)
    def has_key(self, key):
        return super().has_key(key)

    @_answer_when_down(lambda: False)
    def clear(self):
        return super().clear()


def default_cache_reachable() -> bool:
    """False while the default cache is one of these and Redis cannot be reached."""
    from django.core.cache import cache

    client = getattr(cache, "_cache", None)
    return not isinstance(client, DegradingRedisCacheClient) or time.monotonic() >= client.down_until


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = DegradingRedisCacheClient
