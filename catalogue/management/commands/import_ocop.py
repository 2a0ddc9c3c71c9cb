from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.importing import ImportRejected, import_ocop


class Command(BaseCommand):
    help = "Import OCOP recognition and revocation decisions (CSV UTF-8 or XLSX). All rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check and report, change nothing")

    def handle(self, *args, file, dry_run, **options):
        if not file.is_file():
            raise CommandError(f"Không tìm thấy tệp: {file}")
        try:
            summary = import_ocop(file.read_bytes(), file.name, dry_run=dry_run)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Tệp bị từ chối: {len(rejected.errors)} lỗi, không có thay đổi nào.")
        heading = "Chạy thử, không ghi gì:" if dry_run else "Đã nhập:"
        self.stdout.write(heading)
        for line in summary.as_lines():
            self.stdout.write(f"  {line}")
