"""The shared shape of the role commands: an existing user, a province, a grant from access.grants."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

import places


class RoleCommand(BaseCommand):
    role = ""  # what the output calls the role

    def grant(self, user, province_code):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("province_code", type=int, help="e.g. 79 (TP Hồ Chí Minh), 46 (Huế)")

    def handle(self, username, province_code, **options):
        if not places.province_name(province_code):
            raise CommandError(f"Unknown province code {province_code}; codes are those of the 2025 list.")
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as missing:
            raise CommandError(f"No user {username!r}: create it first (e.g. createsuperuser).") from missing
        self.grant(user, province_code)
        self.stdout.write(f"{username}: {self.role} of {places.province_name(province_code)}")
