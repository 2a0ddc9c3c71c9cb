from django.core.management.base import BaseCommand

from catalogue.analytics.views import flush_views


class Command(BaseCommand):
    help = "Add the product views counted in the cache to the analytics records (every few minutes)."

    def handle(self, *args, **options):
        self.stdout.write(f"{flush_views()} lượt xem đã được ghi.")
