"""Demo pages: a page for each real producer of the provincial plans and a story for its products."""

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.utils import slugify

from catalogue.demo import PRODUCERS, PRODUCTS
from catalogue.models import Producer, Product
from storefront.models import HomePage, ProducerIndexPage, ProducerPage, ProductStoryPage

KIND_SENTENCES = {
    Producer.Kind.COOPERATIVE: "Hợp tác xã gắn bó với vùng nguyên liệu và các hộ thành viên trong xã.",
    Producer.Kind.COOPERATIVE_GROUP: "Tổ hợp tác của những gia đình giữ nghề truyền thống trong làng.",
    Producer.Kind.ENTERPRISE: "Doanh nghiệp địa phương đưa đặc sản quê nhà đến với khách hàng cả nước.",
    Producer.Kind.HOUSEHOLD: "Hộ sản xuất gia đình, làm ra từng mẻ hàng theo công thức riêng.",
    Producer.Kind.FARM: "Trang trại tự chủ nguồn nguyên liệu, chăm sóc theo quy trình an toàn.",
}


def _paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def _section(kind, text):
    return ("section", {"kind": kind, "text": f"<p>{text}</p>", "image": None})


@transaction.atomic
def seed_pages() -> int:
    """Producer pages and product stories for the real producers (idempotent); returns pages created."""
    home = HomePage.objects.first()
    if home is None:
        return 0
    index = ProducerIndexPage.objects.first()
    created = 0
    if index is None:
        index = home.add_child(instance=ProducerIndexPage(
            title=_("Chủ thể OCOP"), slug="chu-the",
            intro="Hợp tác xã, doanh nghiệp và hộ sản xuất đứng sau mỗi sản phẩm OCOP.",
        ))
        created += 1
    producers = Producer.objects.in_bulk([p.slug for p in PRODUCERS], field_name="slug")
    with_pages = set(ProducerPage.objects.values_list("producer_id", flat=True))
    for spec in PRODUCERS:
        producer = producers.get(spec.slug)
        if producer is None or producer.pk in with_pages:
            continue
        place = ", ".join(filter(None, [producer.commune_name, producer.province_name]))
        index.add_child(instance=ProducerPage(
            title=producer.name, slug=producer.slug, producer=producer,
            intro=f"{producer.name} ở {place}. {KIND_SENTENCES.get(producer.kind, '')}",
            body=[_paragraph(
                f"Đại diện chủ thể là ông/bà {spec.representative}. Sản phẩm được công nhận OCOP "
                f"theo chương trình Mỗi xã một sản phẩm của {producer.province_name}."
            )],
        ))
        created += 1
    created += _seed_stories()
    return created


def _seed_stories() -> int:
    created = 0
    pages = {page.producer_id: page for page in ProducerPage.objects.all()}
    with_story = set(ProductStoryPage.objects.values_list("product_id", flat=True))
    for spec in PRODUCTS:
        products = Product.objects.filter(title=spec.title, producer__slug=spec.producer)
        product = products.order_by("pk").first()
        if product is None or product.pk in with_story or product.producer_id not in pages:
            continue
        producer_page = pages[product.producer_id]
        place = product.origin_commune_name or product.origin_province_name
        producer_page.add_child(instance=ProductStoryPage(
            title=f"Câu chuyện {spec.title}", slug=slugify(f"cau-chuyen-{spec.title}"), product=product,
            summary=spec.description,
            body=[
                _section("origin", f"{spec.title} là sản phẩm đặc trưng của {place}. {spec.description}"),
                _section("people", f"Người làm ra sản phẩm là {producer_page.title}."),
                _section("process", "Từng công đoạn được làm thủ công, kiểm tra kỹ trước khi đóng gói."),
                _section("usage", "Bảo quản nơi khô ráo, thoáng mát; dùng ngon nhất trong 6 tháng."),
            ],
        ))
        created += 1
    return created
