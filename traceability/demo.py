"""Traceability demo data for the seeded products: areas, lots, events and a few stamps.

Idempotent like seed_demo: areas are keyed by (producer, name), lots by (product, code).
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from catalogue.certification import local_today
from traceability.models import AreaStandard, Lot, RawMaterialArea, TraceEvent
from traceability.services import stamps_generate

# Raw-material areas of the real producers named in the provincial plans.
AREAS = {
    "htx-muoi-ly-nhon": ("Ruộng muối Lý Nhơn", RawMaterialArea.Kind.HARVESTING, "12.5", "vietgap"),
    "htx-nn-huong-van": ("Vườn thanh trà Hương Vân", RawMaterialArea.Kind.CROPS, "18.0", "vietgap"),
    "htx-nn-la-chu": ("Ruộng kiệu La Chử", RawMaterialArea.Kind.CROPS, "6.2", "vietgap"),
    "htx-hau-thanh-an": ("Bè hàu cửa sông Thạnh An", RawMaterialArea.Kind.AQUACULTURE, "9.0", "haccp"),
    "htx-thuy-san-can-thanh": (
        "Vùng khai thác ven bờ Cần Thạnh",
        RawMaterialArea.Kind.HARVESTING,
        "40.0",
        "haccp",
    ),
    "htx-rau-tra-que": ("Làng rau Trà Quế", RawMaterialArea.Kind.CROPS, "4.0", "organic"),
    "cong-ty-sam-ngoc-linh": (
        "Vườn sâm dưới tán rừng Ngọc Linh",
        RawMaterialArea.Kind.CROPS,
        "25.0",
        "organic",
    ),
    "htx-mang-cau-ba-den": ("Vườn mãng cầu chân núi Bà Đen", RawMaterialArea.Kind.CROPS, "30.0", "globalgap"),
}
STEPS = [
    (TraceEvent.Step.HARVESTING, 0, "Vùng nguyên liệu"),
    (TraceEvent.Step.PROCESSING, 2, "Xưởng sơ chế của chủ thể"),
    (TraceEvent.Step.INSPECTING, 4, "Trung tâm Kiểm nghiệm — phiếu kết quả đạt"),
    (TraceEvent.Step.PACKING, 5, "Xưởng đóng gói"),
    (TraceEvent.Step.SHIPPING, 7, "Điểm giới thiệu và bán sản phẩm OCOP"),
]


def seed_traceability(products, *, stamps_per_lot=3) -> int:
    """Give each product (of a producer with a known area) one lot with events and stamps."""
    today = local_today()
    created = 0
    for product in products:
        spec = AREAS.get(product.producer.slug)
        if spec is None:
            continue
        area = _area(product.producer, spec, today)
        code = f"L{today:%Y}-{product.pk % 1000:03d}"
        lot, is_new = Lot.objects.get_or_create(
            product=product,
            code=code,
            defaults={
                "produced_on": today - timedelta(days=20),
                "expires_on": today + timedelta(days=340),
                "quantity": 500,
            },
        )
        if not is_new:
            continue
        lot.areas.add(area)
        start = timezone.make_aware(datetime.combine(lot.produced_on, time(7)))
        TraceEvent.objects.bulk_create(
            TraceEvent(
                lot=lot,
                step=step,
                occurred_at=start + timedelta(days=day),
                place=area.name if step == TraceEvent.Step.HARVESTING else place,
                area=area if step == TraceEvent.Step.HARVESTING else None,
            )
            for step, day, place in STEPS
        )
        stamps_generate(lot=lot, count=stamps_per_lot)
        created += 1
    return created


def _area(producer, spec, today):
    name, kind, hectares, standard = spec
    area, is_new = RawMaterialArea.objects.get_or_create(
        producer=producer,
        name=name,
        defaults={
            "kind": kind,
            "hectares": Decimal(hectares),
            "area_code": f"VN-{producer.province_code}-{producer.pk:04d}",
            "code_issuer": "Sở Nông nghiệp và Môi trường",
            "code_market": "Việt Nam",
            "code_issued_on": today - timedelta(days=400),
            "province_code": producer.province_code,
            "commune_code": producer.commune_code,
            "latitude": producer.latitude,
            "longitude": producer.longitude,
        },
    )
    if is_new:
        AreaStandard.objects.create(
            area=area,
            standard=standard,
            certificate_number=f"{standard.upper()}-{producer.pk:05d}",
            issuer="Tổ chức chứng nhận Quacert",
            valid_from=today - timedelta(days=300),
            valid_until=today + timedelta(days=795),
        )
    return area
