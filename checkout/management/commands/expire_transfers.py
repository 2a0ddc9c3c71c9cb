from django.conf import settings
from django.core.management.base import BaseCommand

from checkout.reconciliation import expire_unpaid_transfers


class Command(BaseCommand):
    help = (f"Cancel orders awaiting a transfer for more than TRANSFER_WAIT_HOURS "
            f"({settings.TRANSFER_WAIT_HOURS} h), releasing their stock (hourly).")

    def handle(self, *args, **options):
        cancelled = expire_unpaid_transfers()
        self.stdout.write(f"{cancelled} đơn quá hạn chờ chuyển khoản đã được hủy.")
