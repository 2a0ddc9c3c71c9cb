"""Demo sales points of the seeded provinces (real places), each carrying its province's products.

Idempotent: points are keyed by slug and their stock by (point, product). Stock includes products
that fail the listing gate, as real shelves do; the gate hides them on every page.
"""

import random
from decimal import Decimal

from catalogue.demo import DA_NANG, HO_CHI_MINH, HUE, NINH_BINH, PLACES, TAY_NINH
from catalogue.models import Product
from salespoints.models import SalesPoint, SalesPointStock

K = SalesPoint.Kind
# slug, name, kind, province, commune, street, lat, lon, opening hours, phone
SALES_POINTS = [
    ("can-gio-vam-sat", "Điểm OCOP Khu du lịch sinh thái Vàm Sát", K.TOURIST_SITE, HO_CHI_MINH,
     PLACES["an_thoi_dong"][1], "Khu du lịch Vàm Sát, ấp Doi Lầu", "10.4862", "106.8012", "07:30–17:00",
     "028 3874 2020"),
    ("can-gio-cho-hang-duong", "Điểm bán OCOP chợ Hàng Dương Cần Giờ", K.MARKET, HO_CHI_MINH,
     PLACES["can_gio"][1], "Chợ Hàng Dương, đường Duyên Hải", "10.4107", "106.9552", "05:00–18:00",
     "028 3874 1000"),
    ("can-gio-buu-dien-thanh-an", "Bưu điện văn hóa xã Thạnh An", K.POST_OFFICE, HO_CHI_MINH,
     PLACES["thanh_an"][1], "Ấp Thạnh Hòa", "10.5295", "106.9748", "07:00–11:00, 13:30–17:00", ""),
    ("hue-san-bay-phu-bai", "Quầy OCOP Cảng hàng không quốc tế Phú Bài", K.STATION, HUE, 19960,
     "Nhà ga hành khách T2, Cảng HKQT Phú Bài", "16.4010", "107.7029", "05:00–22:00", "0234 3861 131"),
    ("hue-cho-dong-ba", "Điểm giới thiệu sản phẩm OCOP chợ Đông Ba", K.MARKET, HUE, 19768,
     "2 Trần Hưng Đạo", "16.4722", "107.5884", "06:00–19:00", "0234 3524 663"),
    ("huong-tra-trung-tam", "Điểm giới thiệu và bán sản phẩm OCOP Hương Trà", K.TRADE_CENTRE, HUE,
     PLACES["huong_van"][1], "Đường Lý Nhân Tông", "16.5101", "107.5010", "07:30–17:30", ""),
    ("hoi-an-pho-co", "Điểm OCOP phố cổ Hội An", K.TOURIST_SITE, DA_NANG, PLACES["hoi_an"][1],
     "Đường Bạch Đằng", "15.8768", "108.3290", "08:00–21:30", "0235 3861 327"),
    ("lang-rau-tra-que", "Điểm bán OCOP Làng rau Trà Quế", K.CRAFT_VILLAGE, DA_NANG, 20401,
     "Thôn Trà Quế", "15.9027", "108.3195", "07:00–17:00", ""),
    ("trang-an-ninh-binh", "Điểm OCOP Khu du lịch sinh thái Tràng An", K.TOURIST_SITE, NINH_BINH,
     PLACES["hoa_lu"][1], "Bến thuyền Tràng An", "20.2560", "105.9150", "07:00–17:00", "0229 3620 335"),
    ("lang-coi-kim-son", "Điểm bán OCOP làng nghề cói Kim Sơn", K.CRAFT_VILLAGE, NINH_BINH,
     PLACES["kim_son"][1], "", "20.0580", "106.0940", "07:30–17:00", ""),
    ("trang-bang-cho", "Điểm bán OCOP chợ Trảng Bàng", K.MARKET, TAY_NINH, PLACES["trang_bang"][1],
     "Quốc lộ 22", "11.0312", "106.3601", "05:30–18:00", ""),
    ("tram-dung-nghi-go-dau", "Trạm dừng nghỉ Gò Dầu (Xuyên Á)", K.REST_STOP, TAY_NINH,
     PLACES["go_dau"][1], "Quốc lộ 22", "11.0820", "106.2590", "24/7", ""),
]
PRODUCTS_PER_POINT = 8
QUANTITIES = {
    "in_stock": lambda rng: rng.randint(10, 60),
    "low": lambda rng: rng.randint(1, 5),
    "out": lambda rng: 0,
}


def seed_sales_points() -> int:
    """Create the demo sales points and their stock; return how many points were created."""
    rng = random.Random(950)  # noqa: S311  deterministic demo data
    existing = set(SalesPoint.objects.values_list("slug", flat=True))
    created = 0
    for slug, name, kind, province, commune, street, lat, lon, hours, phone in SALES_POINTS:
        if slug in existing:
            continue
        point = SalesPoint.objects.create(
            slug=slug, name=name, kind=kind, province_code=province, commune_code=commune, street=street,
            latitude=Decimal(lat), longitude=Decimal(lon), opening_hours=hours, phone=phone,
        )
        created += 1
        products = list(
            Product.objects.filter(origin_province_code=province).order_by("upc")[: PRODUCTS_PER_POINT * 3]
        )
        rng.shuffle(products)
        SalesPointStock.objects.bulk_create(
            [
                SalesPointStock(
                    sales_point=point, product=product, level=level, quantity=QUANTITIES[level](rng)
                )
                for product, level in zip(
                    products[:PRODUCTS_PER_POINT],
                    (rng.choice(["in_stock", "in_stock", "in_stock", "low", "out"]) for _ in products),
                    strict=False,
                )
            ]
        )
    return created
