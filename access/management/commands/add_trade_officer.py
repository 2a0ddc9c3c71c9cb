from access.grants import add_officer
from access.management.roles import RoleCommand


class Command(RoleCommand):
    help = "Make an existing user a trade officer (Sở Công Thương) of one province."
    role = "trade officer"

    def grant(self, user, province_code):
        add_officer(user, province_code)
