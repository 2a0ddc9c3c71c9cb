"""Demo data from the provincial OCOP plans in shared/seeds (real product, producer and place names).

Built with bulk inserts so that 20,000 products load in well under a minute on SQLite, and
keyed on stable codes (producer slugs, product UPCs, decision numbers) so that a second run
adds nothing. Certificates follow the real rules, so demo products pass the same listing gate
as real ones: most are valid, some expire within 30 days, some have expired, some are revoked,
and some were renewed (an old superseded certificate kept as history).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import connection, transaction
from modeltranslation.utils import build_localized_fieldname
from oscar.core.utils import slugify
from PIL import Image, ImageDraw, ImageFont
from tqdm import tqdm

from catalogue import demo_translations
from catalogue.certification import local_today
from catalogue.models import (
    Category,
    Certificate,
    Producer,
    Product,
    ProductCategory,
    ProductClass,
    ProductGroup,
    ProductImage,
    RecognitionDecision,
)
from catalogue.partner.models import Partner, StockRecord
from gs1.gtin import gtin_check_digit

BATCH = 2000
IMAGE_FOLDER = "demo"

# Provinces and communes (post-07/2025 codes of the vietnam-provinces package).
HUE, HO_CHI_MINH, DA_NANG, NINH_BINH, TAY_NINH = 46, 79, 48, 37, 80
PLACES = {
    "huong_van": (HUE, 19996, 16.5106, 107.5002),  # Phường Hương Trà (old Hương Vân, Hương Văn)
    "huong_chu": (HUE, 20023, 16.4835, 107.5268),  # Phường Hương An (old Hương Chử)
    "binh_thanh": (HUE, 20017, 16.4021, 107.4655),  # Phường Kim Trà (old Bình Thành, Hương Bình)
    "can_gio": (HO_CHI_MINH, 27664, 10.4113, 106.9544),
    "thanh_an": (HO_CHI_MINH, 27676, 10.5292, 106.9753),
    "an_thoi_dong": (HO_CHI_MINH, 27673, 10.5885, 106.8274),
    "binh_khanh": (HO_CHI_MINH, 27667, 10.6541, 106.7796),
    "hoi_an": (DA_NANG, 20410, 15.8801, 108.3380),
    "duy_xuyen": (DA_NANG, 20623, 15.7781, 108.2364),
    "dai_loc": (DA_NANG, 20500, 15.8810, 108.0856),
    "tra_my": (DA_NANG, 20900, 15.3489, 108.2255),
    "kim_son": (NINH_BINH, 14638, 20.0575, 106.0937),
    "hoa_lu": (NINH_BINH, 14329, 20.2506, 105.9745),
    "nho_quan": (NINH_BINH, 14428, 20.3212, 105.7490),
    "trang_bang": (TAY_NINH, 25708, 11.0307, 106.3597),
    "go_dau": (TAY_NINH, 25654, 11.0815, 106.2597),
}

AUTHORITIES = {
    HUE: "UBND Thành phố Huế",
    HO_CHI_MINH: "UBND Thành phố Hồ Chí Minh",
    DA_NANG: "UBND Thành phố Đà Nẵng",
    NINH_BINH: "UBND tỉnh Ninh Bình",
    TAY_NINH: "UBND tỉnh Tây Ninh",
}
LEGACY_DISTRICT_AUTHORITIES = {
    HUE: "UBND thị xã Hương Trà",
    HO_CHI_MINH: "UBND huyện Cần Giờ",
    DA_NANG: "UBND huyện Duy Xuyên",
    NINH_BINH: "UBND huyện Kim Sơn",
    TAY_NINH: "UBND thị xã Trảng Bàng",
}
NATIONAL_AUTHORITY = "Bộ Nông nghiệp và Môi trường"
REVOCATION_REASONS = [
    "Không đánh giá lại sau 36 tháng",
    "Chất lượng sản phẩm không đúng với mẫu đã đánh giá",
    "Vi phạm quy định về an toàn thực phẩm",
    "Chủ thể ngừng sản xuất",
    "Vùng nguyên liệu không đáp ứng yêu cầu",
]


@dataclass(frozen=True)
class DemoProducer:
    slug: str
    name: str
    kind: str
    place: str
    representative: str


@dataclass(frozen=True)
class DemoProduct:
    title: str
    group: str
    producer: str
    price: int
    colour: str
    description: str


K = Producer.Kind
PRODUCERS = [
    # Hương Trà (Huế): the 2024 product list of plan 1227/KH-UBND.
    DemoProducer("htx-nn-huong-van", "HTX NN Hương Vân", K.COOPERATIVE, "huong_van", "Lê Văn Hùng"),
    DemoProducer(
        "hkd-tran-mau-luat", "Hộ kinh doanh Trần Mậu Luật", K.HOUSEHOLD, "huong_van", "Trần Mậu Luật"
    ),
    DemoProducer("htx-nn-la-chu", "HTX NN La Chử", K.COOPERATIVE, "huong_chu", "Nguyễn Văn Thành"),
    DemoProducer(
        "htx-nn-binh-thanh", "HTX sản xuất, kinh doanh dịch vụ NN Bình Thành", K.COOPERATIVE,
        "binh_thanh", "Hồ Văn Minh",
    ),
    DemoProducer("cong-ty-hoang-thanh-binh", "Công ty TNHH Hoàng Thanh Bình", K.ENTERPRISE, "binh_thanh",
                 "Hoàng Thanh Bình"),
    DemoProducer("hkd-huynh-thi-hong", "Hộ kinh doanh Huỳnh Thị Hồng", K.HOUSEHOLD, "binh_thanh",
                 "Huỳnh Thị Hồng"),
    DemoProducer("tht-bun-van-cu", "Tổ hợp tác sản xuất Bún Vân Cù", K.COOPERATIVE_GROUP, "huong_van",
                 "Phạm Thị Lan"),
    # Cần Giờ (TP Hồ Chí Minh): salt, dried fish, fish sauce, oysters, eco-tourism (plan 746/KH-UBND).
    DemoProducer("htx-muoi-ly-nhon", "HTX Diêm nghiệp Lý Nhơn", K.COOPERATIVE, "can_gio", "Trần Văn Lộc"),
    DemoProducer("htx-thuy-san-can-thanh", "HTX Thủy sản Cần Thạnh", K.COOPERATIVE, "can_gio",
                 "Nguyễn Thị Mai"),
    DemoProducer("htx-hau-thanh-an", "HTX Nuôi hàu Thạnh An", K.COOPERATIVE, "thanh_an", "Lê Văn Tư"),
    DemoProducer("hkd-mam-an-thoi-dong", "Hộ kinh doanh Mắm An Thới Đông", K.HOUSEHOLD, "an_thoi_dong",
                 "Võ Thị Sáu"),
    DemoProducer("cong-ty-du-lich-can-gio", "Công ty TNHH Du lịch sinh thái Cần Giờ", K.ENTERPRISE,
                 "binh_khanh", "Đặng Quốc Bảo"),
    # Quảng Nam (now part of Đà Nẵng): crafts, herbs and food of the 2020 plan.
    DemoProducer("htx-gom-thanh-ha", "HTX Gốm Thanh Hà", K.COOPERATIVE, "hoi_an", "Nguyễn Văn Hoa"),
    DemoProducer("htx-rau-tra-que", "HTX Rau Trà Quế", K.COOPERATIVE, "hoi_an", "Lê Thị Bích"),
    DemoProducer("htx-det-ma-chau", "HTX Dệt lụa Mã Châu", K.COOPERATIVE, "duy_xuyen", "Trương Thị Hạnh"),
    DemoProducer("cong-ty-sam-ngoc-linh", "Công ty CP Sâm Ngọc Linh Quảng Nam", K.ENTERPRISE, "tra_my",
                 "Hồ Văn Sơn"),
    DemoProducer("hkd-banh-trang-dai-loc", "Hộ kinh doanh Bánh tráng Đại Lộc", K.HOUSEHOLD, "dai_loc",
                 "Phan Thị Nga"),
    DemoProducer("htx-yen-sao-cu-lao-cham", "HTX Yến sào Cù Lao Chàm", K.COOPERATIVE, "hoi_an",
                 "Nguyễn Văn Quang"),
    DemoProducer("htx-ong-mat-tra-my", "HTX Nuôi ong lấy mật Trà My", K.COOPERATIVE, "tra_my", "Hồ Thị Liên"),
    # Ninh Bình (plan 55/KH-UBND).
    DemoProducer("htx-coi-kim-son", "HTX Thủ công mỹ nghệ Cói Kim Sơn", K.COOPERATIVE, "kim_son",
                 "Phạm Văn Đức"),
    DemoProducer("cong-ty-ruou-kim-son", "Công ty TNHH Rượu Kim Sơn", K.ENTERPRISE, "kim_son",
                 "Vũ Văn Khánh"),
    DemoProducer("htx-com-chay-hoa-lu", "HTX Cơm cháy Hoa Lư", K.COOPERATIVE, "hoa_lu", "Đinh Thị Thu"),
    DemoProducer("trang-trai-de-nho-quan", "Trang trại Dê núi Nho Quan", K.FARM, "nho_quan", "Bùi Văn Hải"),
    # Tây Ninh (plan 2454/KH-UBND).
    DemoProducer("htx-banh-trang-trang-bang", "HTX Bánh tráng phơi sương Trảng Bàng", K.COOPERATIVE,
                 "trang_bang", "Nguyễn Thị Ánh"),
    DemoProducer("cong-ty-muoi-tom-tay-ninh", "Công ty TNHH Muối tôm Tây Ninh", K.ENTERPRISE, "go_dau",
                 "Lâm Văn Phúc"),
    DemoProducer("htx-mang-cau-ba-den", "HTX Mãng cầu Bà Đen", K.COOPERATIVE, "go_dau", "Trần Thị Kim"),
    # Huế again: its royal herbal tea.
    DemoProducer("cong-ty-tra-cung-dinh-hue", "Công ty TNHH Trà cung đình Huế", K.ENTERPRISE, "huong_chu",
                 "Tôn Nữ Thảo"),
]

PRODUCTS = [
    DemoProduct("Thanh trà Hương Vân", "thuc-pham", "htx-nn-huong-van", 65000, "#7cb342",
                "Thanh trà trồng trên đất phù sa ven sông Hương, múi mọng, vị ngọt thanh hơi the."),
    DemoProduct("Tinh dầu trầm Trần Luật", "thao-duoc", "hkd-tran-mau-luat", 450000, "#6d4c41",
                "Tinh dầu chưng cất từ trầm hương theo cách làm truyền thống của làng trầm Thủy Thanh."),
    DemoProduct("Kiệu Hương Chử", "thuc-pham", "htx-nn-la-chu", 85000, "#f5f5dc",
                "Kiệu củ nhỏ trắng giòn, muối chua theo công thức gia truyền của làng La Chử."),
    DemoProduct("Bưởi da xanh Bình Thành", "thuc-pham", "htx-nn-binh-thanh", 55000, "#558b2f",
                "Bưởi da xanh vùng gò đồi Bình Thành, tép hồng, ráo nước, ngọt đậm."),
    DemoProduct("Quýt Thanh Bình", "thuc-pham", "cong-ty-hoang-thanh-binh", 70000, "#fb8c00",
                "Quýt Hương Cần vỏ mỏng, thơm tinh dầu, trồng theo hướng VietGAP."),
    DemoProduct("Hương trầm Hương Thảo", "thu-cong-my-nghe", "hkd-huynh-thi-hong", 120000, "#8d6e63",
                "Nhang trầm se tay từ bột trầm tự nhiên, không hóa chất, cháy đều và thơm dịu."),
    DemoProduct("Bún Vân Cù", "thuc-pham", "tht-bun-van-cu", 35000, "#fafafa",
                "Sợi bún trắng mềm dai của làng nghề Vân Cù hơn 400 năm tuổi."),
    DemoProduct("Muối hạt Cần Giờ", "thuc-pham", "htx-muoi-ly-nhon", 25000, "#e0f7fa",
                "Muối phơi nắng trên ruộng muối Lý Nhơn, hạt to, sạch, vị mặn dịu."),
    DemoProduct("Muối thuốc thảo dược Cần Giờ", "thao-duoc", "htx-muoi-ly-nhon", 60000, "#80cbc4",
                "Muối hạt rang cùng thảo dược, dùng chườm nóng giảm đau mỏi."),
    DemoProduct("Khô cá đù Cần Giờ", "thuc-pham", "htx-thuy-san-can-thanh", 180000, "#ffcc80",
                "Cá đù tươi làm sạch, tẩm ướp vừa ăn và phơi nắng biển Cần Thạnh."),
    DemoProduct("Khô cá lưỡi trâu Cần Giờ", "thuc-pham", "htx-thuy-san-can-thanh", 220000, "#ffb74d",
                "Khô cá lưỡi trâu một nắng, thịt ngọt, nướng than hồng là ngon nhất."),
    DemoProduct("Khô mực Cần Giờ", "thuc-pham", "htx-thuy-san-can-thanh", 850000, "#ffe0b2",
                "Mực câu đánh bắt ven bờ, phơi khô tự nhiên, dày thịt và ngọt."),
    DemoProduct("Mắm cá cơm Cần Giờ", "thuc-pham", "hkd-mam-an-thoi-dong", 95000, "#a1887f",
                "Mắm cá cơm ủ chượp trong thùng gỗ 12 tháng, đạm cao, thơm nồng."),
    DemoProduct("Mắm tôm chua An Thới Đông", "thuc-pham", "hkd-mam-an-thoi-dong", 75000, "#ef9a9a",
                "Tôm đất tươi muối chua cùng riềng, tỏi, ớt theo công thức gia đình."),
    DemoProduct("Hàu sữa Thạnh An", "thuc-pham", "htx-hau-thanh-an", 150000, "#cfd8dc",
                "Hàu nuôi trên bè ở cửa biển Thạnh An, béo ngậy, thu hoạch trong ngày."),
    DemoProduct("Tour sinh thái rừng Sác Cần Giờ", "du-lich", "cong-ty-du-lich-can-gio", 450000, "#2e7d32",
                "Một ngày khám phá rừng ngập mặn Cần Giờ, khu dự trữ sinh quyển thế giới."),
    DemoProduct("Gốm Thanh Hà", "thu-cong-my-nghe", "htx-gom-thanh-ha", 250000, "#bf6b3a",
                "Gốm đất nung làng Thanh Hà, nặn tay và nung bằng lò củi truyền thống."),
    DemoProduct("Rau Trà Quế", "thuc-pham", "htx-rau-tra-que", 30000, "#66bb6a",
                "Rau thơm trồng bằng rong sông Đế Võng, giữ hương vị đặc trưng của Hội An."),
    DemoProduct("Lụa Mã Châu", "thu-cong-my-nghe", "htx-det-ma-chau", 650000, "#ce93d8",
                "Lụa tơ tằm dệt thủ công tại làng Mã Châu, mềm mát và bền màu."),
    DemoProduct("Sâm Ngọc Linh", "thao-duoc", "cong-ty-sam-ngoc-linh", 850000, "#c62828",
                "Sâm Ngọc Linh trồng dưới tán rừng nguyên sinh vùng núi Trà My."),
    DemoProduct("Bánh tráng Đại Lộc", "thuc-pham", "hkd-banh-trang-dai-loc", 40000, "#fff3e0",
                "Bánh tráng gạo tráng tay, phơi nắng, nướng giòn thơm mè."),
    DemoProduct("Chiếu cói Kim Sơn", "thu-cong-my-nghe", "htx-coi-kim-son", 320000, "#d7ccc8",
                "Chiếu cói dệt từ cói bãi bồi ven biển Kim Sơn, bền và mát."),
    DemoProduct("Rượu Kim Sơn", "do-uong", "cong-ty-ruou-kim-son", 180000, "#90caf9",
                "Rượu nếp cái hoa vàng chưng cất thủ công, hạ thổ trong chum sành."),
    DemoProduct("Cơm cháy Ninh Bình", "thuc-pham", "htx-com-chay-hoa-lu", 60000, "#ffd54f",
                "Cơm cháy giòn rụm chà bông, đặc sản cố đô Hoa Lư."),
    DemoProduct("Thịt dê núi Nho Quan", "thuc-pham", "trang-trai-de-nho-quan", 380000, "#a1887f",
                "Dê thả núi đá vôi Nho Quan, thịt săn chắc, ít mỡ, hút chân không."),
    DemoProduct("Bánh tráng phơi sương Trảng Bàng", "thuc-pham", "htx-banh-trang-trang-bang", 45000,
                "#fff8e1",
                "Bánh tráng nướng rồi phơi sương đêm, dẻo mềm, cuốn thịt luộc và rau rừng."),
    DemoProduct("Muối tôm Tây Ninh", "thuc-pham", "cong-ty-muoi-tom-tay-ninh", 50000, "#ff7043",
                "Muối tôm rang cùng ớt, tỏi, hành phi theo kiểu Tây Ninh."),
    DemoProduct("Mãng cầu Bà Đen", "thuc-pham", "htx-mang-cau-ba-den", 80000, "#9ccc65",
                "Mãng cầu ta trồng dưới chân núi Bà Đen, múi dày, ngọt lịm."),
    DemoProduct("Yến sào Cù Lao Chàm", "thuc-pham", "htx-yen-sao-cu-lao-cham", 1200000, "#fff9c4",
                "Tổ yến đảo khai thác tự nhiên trên quần đảo Cù Lao Chàm, làm sạch lông bằng tay."),
    DemoProduct("Mật ong quế Trà My", "thuc-pham", "htx-ong-mat-tra-my", 250000, "#ffb300",
                "Mật ong của đàn ong nuôi dưới rừng quế Trà My, sánh đặc và thơm mùi quế."),
    DemoProduct("Trà cung đình Huế", "do-uong", "cong-ty-tra-cung-dinh-hue", 90000, "#8bc34a",
                "Chè thảo mộc phối từ cỏ ngọt, hoa cúc, atiso và táo đỏ theo bài trà của cung đình Huế."),
]

PACKAGINGS = ["", "hộp quà", "túi 500 g", "loại đặc biệt", "bao bì du lịch", "combo gia đình"]
FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN_NAMES = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Văn Hải", "Thị Hoa", "Minh Khoa", "Thị Lan"]


def seed_demo(*, products: int, producers: int, stdout=None) -> dict[str, int]:
    """Create the demo catalogue up to the requested sizes; existing rows are left alone."""
    rng = random.Random(20240315)  # noqa: S311  deterministic demo data, not security
    today = local_today()
    created = {}
    with transaction.atomic():
        product_class = _product_class()
        categories = _categories()
        producer_rows = _producers(producers, rng, created)
        _products(products, producer_rows, product_class, categories, rng, today, created)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load (PostgreSQL and SQLite)
    return created


def _progress(iterable, *, total, desc):
    return tqdm(iterable, total=total, desc=desc, unit=" rows", leave=True, mininterval=0.5)


def _product_class():
    product_class, _ = ProductClass.objects.get_or_create(
        slug="san-pham-ocop",
        defaults={"name": "Sản phẩm OCOP", "requires_shipping": True, "track_stock": True},
    )
    return product_class


def _categories():
    categories = {}
    for group in ProductGroup.objects.all():
        category = Category.objects.filter(slug=group.code, depth=1).first()
        if category is None:
            category = Category.add_root(name=group.name, slug=group.code, is_public=True)
        categories[group.code] = category
    return categories


def _producer_specs(count, rng):
    """The real producers first, then generated households spread over the same places."""
    yield from PRODUCERS[:count]
    places = list(PLACES)
    for n in range(len(PRODUCERS), count):
        name = f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}"
        yield DemoProducer(
            f"hkd-ocop-{n:05d}", f"Hộ kinh doanh {name} ({n})", K.HOUSEHOLD, rng.choice(places), name
        )


def _producers(count, rng, created):
    count = max(count, len({p.producer for p in PRODUCTS}))
    specs = list(_producer_specs(count, rng))
    existing = set(Producer.objects.filter(slug__in=[s.slug for s in specs]).values_list("slug", flat=True))
    missing = [s for s in specs if s.slug not in existing]
    partners = Partner.objects.bulk_create(
        [Partner(name=s.name, code=s.slug) for s in missing], batch_size=BATCH
    )
    if missing and partners[0].pk is None:  # SQLite before 3.35 returns no ids
        partners = list(Partner.objects.filter(code__in=[s.slug for s in missing]).order_by("pk"))
    partner_by_code = {p.code: p for p in partners}
    rows = []
    for n, spec in enumerate(_progress(missing, total=len(missing), desc="Chủ thể")):
        province, commune, lat, lon = PLACES[spec.place]
        rows.append(
            Producer(
                name=spec.name,
                slug=spec.slug,
                kind=spec.kind,
                tax_code=f"{province:02d}{10000000 + hash_of(spec.slug) % 89999999:08d}",
                representative=spec.representative,
                phone=f"09{(hash_of(spec.slug) + n) % 100000000:08d}",
                province_code=province,
                commune_code=commune,
                latitude=Decimal(f"{lat + rng.uniform(-0.02, 0.02):.6f}"),
                longitude=Decimal(f"{lon + rng.uniform(-0.02, 0.02):.6f}"),
                partner=partner_by_code[spec.slug],
            )
        )
    Producer.objects.bulk_create(rows, batch_size=BATCH)
    created["producers"] = len(rows)
    return {p.slug: p for p in Producer.objects.filter(slug__in=[s.slug for s in specs])}


def hash_of(text: str) -> int:
    """A stable hash (Python's own is salted per process)."""
    value = 0
    for char in text:
        value = (value * 131 + ord(char)) % 2_147_483_647
    return value


def _products(count, producer_rows, product_class, categories, rng, today, created):
    upcs = [f"OCOP-{n:06d}" for n in range(1, count + 1)]
    existing = set(Product.objects.filter(upc__in=upcs).values_list("upc", flat=True))
    groups = {g.code: g for g in ProductGroup.objects.all()}
    images = _images()
    producer_list = list(producer_rows.values())

    new_products, plans = [], []
    for n, upc in _progress(enumerate(upcs), total=count, desc="Sản phẩm"):
        base = PRODUCTS[n % len(PRODUCTS)]
        rng_n = random.Random(n)  # noqa: S311  per-product stream: the same product on every run
        if upc in existing:
            continue
        # Each real producer first sells its product in every packaging; past that, generated
        # households make the same specialities (named after them, so titles stay distinct).
        round_ = n // len(PRODUCTS)
        packaging = PACKAGINGS[round_ % len(PACKAGINGS)]
        title = f"{base.title} – {packaging}" if packaging else base.title
        named_after_producer = round_ >= len(PACKAGINGS)
        if named_after_producer:
            producer = rng_n.choice(producer_list)
            title = f"{title} ({producer.name})"
        else:
            producer = producer_rows[base.producer]
        product = Product(
            structure=Product.STANDALONE,
            title=title[:255],
            slug=slugify(f"{title[:200]}-{upc}"),
            upc=upc,
            description=f"<p>{base.description}</p><p>Sản phẩm của {producer.name}.</p>",
            product_class=product_class,
            is_public=True,
            ocop_group=groups[base.group],
            producer=producer,
            origin_province_code=producer.province_code,
            origin_commune_code=producer.commune_code,
            gtin=_demo_gtin(n) if n % 3 == 0 else "",
            **_translations(base, packaging, producer, named_after_producer),
        )
        new_products.append(product)
        plans.append((base, rng_n))

    Product.objects.bulk_create(new_products, batch_size=BATCH)
    if new_products and new_products[0].pk is None:
        by_upc = Product.objects.in_bulk([p.upc for p in new_products], field_name="upc")
        new_products = [by_upc[p.upc] for p in new_products]
    created["products"] = len(new_products)

    stock, links, pictures, certificates = [], [], [], []
    decisions = DecisionBook(today)
    for product, (base, rng_n) in _progress(
        zip(new_products, plans, strict=True), total=len(new_products), desc="Giá, kho, chứng nhận"
    ):
        price = base.price + rng_n.randrange(0, 8) * 5000
        stock.append(
            StockRecord(
                product=product,
                partner_id=product.producer.partner_id,
                partner_sku=product.upc,
                price_currency="VND",
                price=Decimal(price),
                num_in_stock=rng_n.choice([0, 3, 12, 25, 40, 80, 150]),
            )
        )
        links.append(ProductCategory(product=product, category=categories[base.group]))
        pictures.append(
            ProductImage(product=product, original=images[base.title], caption=base.title, display_order=0)
        )
        certificates.extend(_certificates_for(product, rng_n, decisions, today))

    StockRecord.objects.bulk_create(stock, batch_size=BATCH)
    ProductCategory.objects.bulk_create(links, batch_size=BATCH)
    ProductImage.objects.bulk_create(pictures, batch_size=BATCH)
    decisions.save()
    _save_certificates(certificates)
    created["certificates"] = len(certificates)
    created["decisions"] = decisions.created


def _translations(base, packaging, producer, named_after_producer) -> dict[str, str]:
    """The name and description in English, Chinese and Korean, as the Vietnamese is made."""
    fields = {}
    for n, code in enumerate(demo_translations.LANGUAGES):
        name, description = demo_translations.PRODUCTS[base.title][n]
        if packaging:
            name = f"{name} – {demo_translations.PACKAGINGS[packaging][n]}"
        if named_after_producer:
            name = f"{name} ({producer.name})"
        made_by = demo_translations.MADE_BY[n].format(producer=producer.name)
        fields[build_localized_fieldname("title", code)] = name[:255]
        fields[build_localized_fieldname("description", code)] = f"<p>{description}</p><p>{made_by}</p>"
    return fields


def _demo_gtin(n: int) -> str:
    """GTIN-13 with the Vietnamese 893 prefix and a valid check digit."""
    body = f"893{8000000 + n:09d}"
    return body + str(gtin_check_digit(body))


def _stars_and_score(rng):
    stars = rng.choices([3, 4, 5], weights=[40, 45, 15])[0]
    low, high = {3: (50, 69), 4: (70, 89), 5: (90, 100)}[stars]
    return stars, rng.randint(low, high)


class DecisionBook:
    """Recognition decisions shared by products of one province, level and month."""

    def __init__(self, today):
        self.today = today
        self.pending = {}
        self.created = 0

    def decision(self, *, province, stars, decided_on):
        # Councils decide in sessions: snap to the 1st, 8th, 15th or 22nd (never later than asked).
        decided_on = decided_on.replace(day=min((decided_on.day - 1) // 7, 3) * 7 + 1)
        if stars == 5:
            level, authority, suffix = RecognitionDecision.Level.NATIONAL, NATIONAL_AUTHORITY, "QĐ-BNNMT"
        elif stars == 3 and decided_on < date(2025, 7, 1):
            level, authority, suffix = (
                RecognitionDecision.Level.DISTRICT, LEGACY_DISTRICT_AUTHORITIES[province], "QĐ-UBND",
            )
        else:
            level, authority, suffix = RecognitionDecision.Level.PROVINCE, AUTHORITIES[province], "QĐ-UBND"
        # Numbers look like real ones ("4521/QĐ-UBND") and stay unique per session, province, level.
        session = ((decided_on.year - 2019) * 12 + decided_on.month) * 4 + decided_on.day // 7
        slot = list(AUTHORITIES).index(province) * 8 + {"district": 1, "province": 2, "national": 3}[level]
        number = f"{100 + session * 41 + slot}/{suffix}"
        key = number
        if key not in self.pending:
            self.pending[key] = RecognitionDecision(
                number=number, decision_date=decided_on, level=level, authority=authority,
                signer="Phó Chủ tịch" if level != "national" else "Thứ trưởng",
            )
        return self.pending[key]

    def save(self):
        existing = set(
            RecognitionDecision.objects.filter(number__in=list(self.pending)).values_list("number", flat=True)
        )
        fresh = [d for number, d in self.pending.items() if number not in existing]
        RecognitionDecision.objects.bulk_create(fresh, batch_size=BATCH)
        self.created = len(fresh)
        saved = RecognitionDecision.objects.in_bulk(list(self.pending), field_name="number")
        for number, decision in self.pending.items():
            decision.pk = saved[number].pk


def _certificates_for(product, rng, decisions, today):
    """One or two certificates per product, in the mix described in the module docstring."""
    province = product.origin_province_code
    stars, score = _stars_and_score(rng)
    roll = rng.randrange(100)
    if roll < 70:  # valid, decided 1–30 months ago
        decided_on = today - relativedelta(months=rng.randint(1, 30), days=rng.randint(0, 27))
    elif roll < 78:  # expires within the next 30 days
        decided_on = today - relativedelta(months=36) + timedelta(days=rng.randint(8, 30))
    elif roll < 86:  # expired
        decided_on = today - relativedelta(months=36 + rng.randint(1, 18))
    else:  # revoked (86–91) or renewed with history (92–99)
        decided_on = today - relativedelta(months=rng.randint(3, 30))
    certificate = _certificate(product, decisions, province, stars, score, decided_on)
    if 86 <= roll < 92:
        certificate.status = Certificate.Status.REVOKED
        certificate.revoked_on = decided_on + timedelta(days=rng.randint(30, 60))
        if certificate.revoked_on > today:
            certificate.revoked_on = today
        certificate.revocation_decision_number = f"{product.pk % 900 + 100}/QĐ-UBND-TH"
        certificate.revocation_reason = rng.choice(REVOCATION_REASONS)
        return [certificate]
    if roll >= 92:
        old_stars, old_score = (3, rng.randint(50, 69))
        older = _certificate(
            product, decisions, province, old_stars, old_score, decided_on - relativedelta(months=36)
        )
        older.status = Certificate.Status.SUPERSEDED
        certificate.supersedes = older
        return [older, certificate]
    return [certificate]


def _certificate(product, decisions, province, stars, score, decided_on):
    decision = decisions.decision(province=province, stars=stars, decided_on=decided_on)
    valid_from = decision.decision_date
    return Certificate(
        product=product,
        decision=decision,
        stars=stars,
        score=score,
        valid_from=valid_from,
        valid_until=Certificate.default_valid_until(valid_from),
    )


def _save_certificates(certificates):
    for certificate in certificates:
        certificate.decision_id = certificate.decision.pk
        certificate.clean()  # demo certificates meet the rules real ones do (bulk_create skips them)
    # Superseded ones first: the renewals point at them.
    older = [c for c in certificates if c.status == Certificate.Status.SUPERSEDED]
    Certificate.objects.bulk_create(older, batch_size=BATCH)
    if older and older[0].pk is None:
        saved = {
            (c.product_id, c.decision_id): c.pk
            for c in Certificate.objects.filter(product__in=[o.product_id for o in older])
        }
        for c in older:
            c.pk = saved[(c.product_id, c.decision_id)]
    newer = [c for c in certificates if c.status != Certificate.Status.SUPERSEDED]
    for certificate in newer:
        if certificate.supersedes is not None:
            certificate.supersedes_id = certificate.supersedes.pk
    Certificate.objects.bulk_create(newer, batch_size=BATCH)


def _images():
    """One generated picture per base product, shared by its variants."""
    folder = Path(settings.MEDIA_ROOT) / IMAGE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for product in PRODUCTS:
        name = f"{slugify(product.title)}.jpg"
        target = folder / name
        if not target.exists():
            target.write_bytes(_render_picture(product.title, product.colour))
        paths[product.title] = f"{IMAGE_FOLDER}/{name}"
    return paths


def _render_picture(title: str, colour: str) -> bytes:
    size = 600
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    ink = "#1f1a17" if _is_light(colour) else "#ffffff"
    draw.ellipse((170, 90, 430, 350), outline=ink, width=10)
    draw.polygon([(300, 140), (324, 205), (392, 205), (337, 245), (358, 312), (300, 272), (242, 312),
                  (263, 245), (208, 205), (276, 205)], fill="#f2b705")
    font = _font(40)
    lines = _wrap(title, 18)
    top = 390
    for line in lines[:3]:
        width = draw.textlength(line, font=font)
        draw.text(((size - width) / 2, top), line, font=font, fill=ink)
        top += 52
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def _is_light(colour: str) -> bool:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return red * 0.299 + green * 0.587 + blue * 0.114 > 150


def _font(size):
    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    ):
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def _wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
