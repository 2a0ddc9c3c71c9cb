from django.core.management.base import BaseCommand, CommandError

from traceability.models import Lot
from traceability.services import stamps_generate

MAX_STAMPS = 100_000


class Command(BaseCommand):
    help = "Generate unit stamps (random serials) for a lot: generate_stamps PRODUCT_CODE LOT_CODE --count N"

    def add_arguments(self, parser):
        parser.add_argument("product_code")
        parser.add_argument("lot_code")
        parser.add_argument("--count", type=int, required=True)

    def handle(self, *args, product_code, lot_code, count, **options):
        if not 1 <= count <= MAX_STAMPS:
            raise CommandError(f"--count phải từ 1 đến {MAX_STAMPS}.")
        lot = Lot.objects.filter(product__upc=product_code, code=lot_code).first()
        if lot is None:
            raise CommandError(f"Không tìm thấy lô {lot_code} của sản phẩm {product_code}.")
        stamps = stamps_generate(lot=lot, count=count)
        self.stdout.write(f"Đã tạo {len(stamps)} tem cho lô {lot_code}.")
