"""Where sorl-thumbnail (Oscar's thumbnailer) remembers the thumbnails it has made: the cache.

Its default store is a database table written on the first view of every image size, so a GET
of a product list wrote rows. A record lost with the cache costs only a check that the thumbnail
file exists in the media storage; the file is not made again.
"""

from django.core.cache import cache
from sorl.thumbnail.kvstores.base import KVStoreBase


class CacheKVStore(KVStoreBase):
    def _get_raw(self, key):
        return cache.get(key)

    def _set_raw(self, key, value):
        cache.set(key, value, timeout=None)

    def _delete_raw(self, *keys):
        cache.delete_many(keys)

    def _find_keys_raw(self, prefix):
        """For `manage.py thumbnail cleanup`/`clear`: only a cache that lists its keys (Redis) can."""
        keys = getattr(cache, "keys", None)
        return keys(f"{prefix}*") if keys else []
