"""Demo pages: a page for each real producer of the provincial plans and a story for its products."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.utils import slugify
from wagtail.models import Locale

from access import grants
from catalogue.demo import PRODUCERS, PRODUCTS
from catalogue.models import Producer, Product
from storefront.models import HomePage, ProducerIndexPage, ProducerPage, ProductStoryPage, in_default_language

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
    home = in_default_language(HomePage.objects).first()
    if home is None:
        return 0
    index = in_default_language(ProducerIndexPage.objects).first()
    created = 0
    if index is None:
        index = home.add_child(instance=ProducerIndexPage(
            title=_("Chủ thể OCOP"), slug="chu-the",
            intro="Hợp tác xã, doanh nghiệp và hộ sản xuất đứng sau mỗi sản phẩm OCOP.",
        ))
        created += 1
    producers = Producer.objects.in_bulk([p.slug for p in PRODUCERS], field_name="slug")
    with_pages = set(in_default_language(ProducerPage.objects).values_list("producer_id", flat=True))
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
    created += _seed_english()
    return created


def _seed_stories() -> int:
    created = 0
    pages = {page.producer_id: page for page in in_default_language(ProducerPage.objects)}
    with_story = set(in_default_language(ProductStoryPage.objects).values_list("product_id", flat=True))
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


KIND_SENTENCES_EN = {
    Producer.Kind.COOPERATIVE: "A cooperative working with its members' farms and raw-material areas.",
    Producer.Kind.COOPERATIVE_GROUP: "A cooperative group of families keeping a village craft alive.",
    Producer.Kind.ENTERPRISE: "A local company bringing the province's specialities to the whole country.",
    Producer.Kind.HOUSEHOLD: "A family business making each batch by its own recipe.",
    Producer.Kind.FARM: "A farm growing its own raw materials under safe-farming rules.",
}


def _seed_english() -> int:
    """English translations of the demo pages, for tourists (simple_translation's copies)."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return 0
    created = 0
    pages = [
        *in_default_language(HomePage.objects), *in_default_language(ProducerIndexPage.objects),
        *in_default_language(ProducerPage.objects).select_related("producer"),
        *in_default_language(ProductStoryPage.objects).select_related("product"),
    ]
    for page in pages:
        if page.get_translation_or_none(english) is not None:
            continue
        translation = page.copy_for_translation(english, copy_parents=True).specific
        for field, value in _english_fields(page).items():
            setattr(translation, field, value)
        translation.save_revision().publish()
        created += 1
    return created


def _english_fields(page) -> dict:
    if isinstance(page, HomePage):
        return {"hero_title": "OCOP products from every corner of Vietnam",
                "hero_text": "Specialities recognised with 3 to 5 OCOP stars, straight from their makers."}
    if isinstance(page, ProducerIndexPage):
        return {"title": "OCOP producers",
                "intro": "The cooperatives, companies and households behind each OCOP product."}
    if isinstance(page, ProducerPage):
        producer = page.producer
        place = ", ".join(filter(None, [producer.commune_name, producer.province_name]))
        return {"intro": f"{producer.name}, {place}. {KIND_SENTENCES_EN.get(producer.kind, '')}",
                "body": [_paragraph(f"Recognised under the One Commune One Product programme of "
                                    f"{producer.province_name}.")]}
    product = page.product
    place = product.origin_commune_name or product.origin_province_name
    return {
        "title": f"The story of {product.title}",
        "summary": f"{product.title}: an OCOP product from {place}.",
        "body": [
            _section("origin", f"{product.title} is a speciality of {place}."),
            _section("process", "Every step is done by hand and checked before packing."),
            _section("usage", "Keep in a cool, dry place; best within six months."),
        ],
    }


DEMO_ACCOUNTS = ("quantri", "chuthe", "canbo")


def seed_accounts(password: str) -> list[str]:
    """Accounts to try the workspaces with on the demo (DEBUG only; idempotent): an administrator,
    a user of the first real producer, and an officer of its province holding both roles.
    Returns the usernames created."""
    producer = Producer.objects.filter(slug=PRODUCERS[0].slug).first()
    if producer is None:
        return []
    users, created = get_user_model().objects, []
    for username in DEMO_ACCOUNTS:
        if users.filter(username=username).exists():
            continue
        email = f"{username}@demo.ocop.vn"
        if username == "quantri":
            users.create_superuser(username, email, password, first_name="Quản trị")
        else:
            user = users.create_user(username, email, password, first_name=username.capitalize())
            if username == "chuthe":
                grants.add_producer_user(user, producer)
            else:
                grants.add_officer(user, producer.province_code)
                grants.add_certification_officer(user, producer.province_code)
        created.append(username)
    return created
