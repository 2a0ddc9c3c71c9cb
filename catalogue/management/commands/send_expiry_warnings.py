from django.core.management.base import BaseCommand

from catalogue.expiry import WARNING_DAYS, queue_expiry_warnings


class Command(BaseCommand):
    help = f"Queue one email to each producer whose certificate expires within {WARNING_DAYS} days (daily)."

    def handle(self, *args, **options):
        queued = queue_expiry_warnings()
        self.stdout.write(f"{queued} cảnh báo hết hạn đã được xếp hàng gửi.")
