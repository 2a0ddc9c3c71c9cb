"""Local development: the embedded default (SQLite, database search, no servers)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A throwaway key for a developer's own machine only; production refuses to start without one.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-not-for-production")
