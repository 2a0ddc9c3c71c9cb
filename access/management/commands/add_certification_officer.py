from access.grants import add_certification_officer
from access.management.roles import RoleCommand


class Command(RoleCommand):
    help = "Make an existing user a certification officer (provincial OCOP office) of one province."
    role = "certification officer"

    def grant(self, user, province_code):
        add_certification_officer(user, province_code)
