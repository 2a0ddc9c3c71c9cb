"""Demo trade fairs: one past and one upcoming, with exhibitors of the seeded producers."""

from dateutil.relativedelta import relativedelta

from catalogue.certification import is_listable, local_today
from catalogue.demo import HO_CHI_MINH, HUE
from catalogue.models import Producer
from catalogue.selectors import products_with_certificates
from tradefairs.models import Exhibitor, FairListing, TradeFair

FAIRS = [
    # slug, name, venue, province, months from today, days, organiser, producer slugs
    ("hoi-cho-ocop-hue-past", "Hội chợ OCOP Thừa Thiên Huế", "Nhà Văn hóa Trung tâm, 1 Lê Lợi, Huế",
     HUE, -3, 5,
     "Sở Công Thương thành phố Huế", ["htx-nn-huong-van", "htx-nn-la-chu", "htx-nn-binh-thanh"]),
    ("hoi-cho-ocop-tphcm-upcoming", "Hội chợ sản phẩm OCOP Thành phố Hồ Chí Minh",
     "Nhà Văn hóa Thanh niên, 4 Phạm Ngọc Thạch", HO_CHI_MINH, 1, 4,
     "Sở Công Thương Thành phố Hồ Chí Minh",
     ["htx-muoi-ly-nhon", "htx-thuy-san-can-thanh", "htx-hau-thanh-an", "hkd-mam-an-thoi-dong"]),
]


def seed_fairs() -> int:
    today = local_today()
    created = 0
    for slug, name, venue, province, months, days, organiser, producer_slugs in FAIRS:
        if TradeFair.objects.filter(slug=slug).exists():
            continue
        starts_on = today + relativedelta(months=months)
        fair = TradeFair.objects.create(
            slug=slug, name=name, venue=venue, province_code=province, starts_on=starts_on,
            ends_on=starts_on + relativedelta(days=days), organiser=organiser,
        )
        created += 1
        for n, producer in enumerate(Producer.objects.filter(slug__in=producer_slugs).order_by("slug"), 1):
            exhibitor = Exhibitor.objects.create(fair=fair, producer=producer, booth=f"A{n:02d}")
            products = products_with_certificates().filter(producer=producer).order_by("upc")[:4]
            FairListing.objects.bulk_create(
                FairListing(exhibitor=exhibitor, product=p) for p in products if is_listable(p)
            )
    return created
