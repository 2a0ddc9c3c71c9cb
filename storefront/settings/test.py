"""Tests: PostgreSQL when DATABASE_URL is set (as in CI), SQLite otherwise."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105  never used outside the test run
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(BASE_DIR / ".test-media")  # noqa: F405
ELASTICSEARCH_URL = ""  # tests that need Elasticsearch start osmem-server and point here
ELASTICSEARCH_PLAIN_JSON = True
ELASTICSEARCH_REFRESH = True
# osmem-server, an in-memory test server, answers slower than Elasticsearch, the more so while both
# test workers are busy: a request may take longer than production's 2 s before it counts as down.
ELASTICSEARCH_TIMEOUT = 10.0
SEARCH_ELASTICSEARCH_RETRY_SECONDS = 0
