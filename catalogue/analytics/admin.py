from oscar.apps.analytics.admin import *  # noqa: F403
