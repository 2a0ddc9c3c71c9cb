"""Demo pages: a page for each real producer of the provincial plans and a story for its products."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
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
    created += _seed_translations()
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


Kind = Producer.Kind

# The demo pages in the other languages (machine translations, to be reviewed), as a translator
# would write them on the copies simple_translation makes.
PHRASES = {
    "en": {
        "hero_title": "OCOP products from every corner of Vietnam",
        "hero_text": "Specialities recognised with 3 to 5 OCOP stars, straight from their makers.",
        "producers_title": "OCOP producers",
        "producers_intro": "The cooperatives, companies and households behind each OCOP product.",
        "kinds": {
            Kind.COOPERATIVE: "A cooperative working with its members' farms and raw-material areas.",
            Kind.COOPERATIVE_GROUP: "A cooperative group of families keeping a village craft alive.",
            Kind.ENTERPRISE: "A local company bringing the province's specialities to the whole country.",
            Kind.HOUSEHOLD: "A family business making each batch by its own recipe.",
            Kind.FARM: "A farm growing its own raw materials under safe-farming rules.",
        },
        "producer_intro": "{producer}, {place}. {kind}",
        "recognised": "Recognised under the One Commune One Product programme of {province}.",
        "story_title": "The story of {product}",
        "story_summary": "{product}: an OCOP product from {place}.",
        "origin": "{product} is a speciality of {place}.",
        "process": "Every step is done by hand and checked before packing.",
        "usage": "Keep in a cool, dry place; best within six months.",
    },
    "zh-hans": {
        "hero_title": "来自越南各地的OCOP产品",
        "hero_text": "获得3至5星OCOP认证的特产，由生产者直接供应。",
        "producers_title": "OCOP生产者",
        "producers_intro": "每一件OCOP产品背后的合作社、企业和家庭作坊。",
        "kinds": {
            Kind.COOPERATIVE: "与社员农户和原料产区紧密合作的合作社。",
            Kind.COOPERATIVE_GROUP: "由守护村落传统手艺的家庭组成的合作组。",
            Kind.ENTERPRISE: "把家乡特产送往全国各地的本地企业。",
            Kind.HOUSEHOLD: "按自家配方制作每一批产品的家庭作坊。",
            Kind.FARM: "自主种养原料、遵循安全生产规程的农场。",
        },
        "producer_intro": "{producer}，{place}。{kind}",
        "recognised": "该产品已通过{province}“一乡一品”计划的OCOP认证。",
        "story_title": "{product}的故事",
        "story_summary": "{product}：来自{place}的OCOP产品。",
        "origin": "{product}是{place}的特色产品。",
        "process": "每道工序均为手工完成，包装前经过仔细检查。",
        "usage": "请存放于阴凉干燥处，六个月内食用风味最佳。",
    },
    "ko": {
        "hero_title": "베트남 방방곡곡의 OCOP 제품",
        "hero_text": "OCOP 3~5성 인증을 받은 특산품을 생산자에게서 바로 만나 보세요.",
        "producers_title": "OCOP 생산자",
        "producers_intro": "OCOP 제품 하나하나를 만드는 협동조합, 기업, 가족 생산자.",
        "kinds": {
            Kind.COOPERATIVE: "조합원 농가 및 원료 재배지와 함께하는 협동조합입니다.",
            Kind.COOPERATIVE_GROUP: "마을의 전통 공예를 지켜 가는 가족들의 협동 그룹입니다.",
            Kind.ENTERPRISE: "고향의 특산품을 전국에 알리는 지역 기업입니다.",
            Kind.HOUSEHOLD: "집안의 비법으로 한 번에 한 솥씩 만드는 가족 생산자입니다.",
            Kind.FARM: "원료를 직접 기르고 안전 생산 기준을 지키는 농장입니다.",
        },
        "producer_intro": "{producer}, {place}. {kind}",
        "recognised": "{province}의 '1마을 1제품' 프로그램에서 OCOP 인증을 받았습니다.",
        "story_title": "{product} 이야기",
        "story_summary": "{product}: {place}의 OCOP 제품.",
        "origin": "{product}은(는) {place}의 특산품입니다.",
        "process": "모든 과정을 손으로 하고 포장 전에 꼼꼼히 검사합니다.",
        "usage": "서늘하고 건조한 곳에 보관하고 6개월 안에 드시면 가장 맛있습니다.",
    },
}


def _seed_translations() -> int:
    """The demo pages in English, Chinese and Korean, for tourists (simple_translation's copies)."""
    created = 0
    pages = [
        *in_default_language(HomePage.objects), *in_default_language(ProducerIndexPage.objects),
        *in_default_language(ProducerPage.objects).select_related("producer"),
        *in_default_language(ProductStoryPage.objects).select_related("product"),
    ]
    for locale in Locale.objects.filter(language_code__in=PHRASES):
        phrases = PHRASES[locale.language_code]
        for page in pages:
            if page.get_translation_or_none(locale) is not None:
                continue
            copy = page.copy_for_translation(locale, copy_parents=True).specific
            with translation.override(locale.language_code):  # the product's name in that language
                fields = _translated_fields(page, phrases)
            for field, value in fields.items():
                setattr(copy, field, value)
            copy.save_revision().publish()
            created += 1
    return created


def _translated_fields(page, phrases) -> dict:
    if isinstance(page, HomePage):
        return {"hero_title": phrases["hero_title"], "hero_text": phrases["hero_text"]}
    if isinstance(page, ProducerIndexPage):
        return {"title": phrases["producers_title"], "intro": phrases["producers_intro"]}
    if isinstance(page, ProducerPage):
        producer = page.producer
        place = ", ".join(filter(None, [producer.commune_name, producer.province_name]))
        kind = phrases["kinds"].get(producer.kind, "")
        return {"intro": phrases["producer_intro"].format(producer=producer.name, place=place, kind=kind),
                "body": [_paragraph(phrases["recognised"].format(province=producer.province_name))]}
    product = page.product
    name, place = product.title, product.origin_commune_name or product.origin_province_name
    return {
        "title": phrases["story_title"].format(product=name),
        "summary": phrases["story_summary"].format(product=name, place=place),
        "body": [
            _section("origin", phrases["origin"].format(product=name, place=place)),
            _section("process", phrases["process"]),
            _section("usage", phrases["usage"]),
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
