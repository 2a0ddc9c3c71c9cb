from oscar.apps.shipping.models import *  # noqa: F403  Oscar's models, unchanged (the fork is for repository.py)
