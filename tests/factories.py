"""Factories for OCOP objects, following Oscar's and adding OCOP traits."""

from datetime import date
from decimal import Decimal

import factory
from oscar.test import factories as oscar_factories

from catalogue.certification import local_today
from catalogue.models import SCORE_BANDS, Certificate, Producer, ProductGroup, RecognitionDecision
from gs1.keys import new_serial

CAN_GIO_PROVINCE = 79  # Thành phố Hồ Chí Minh
CAN_GIO_COMMUNE = 27664  # Xã Cần Giờ


class PartnerFactory(oscar_factories.PartnerFactory):
    name = factory.Sequence(lambda n: f"Chủ thể {n}")


class ProducerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Producer

    name = factory.Sequence(lambda n: f"HTX Muối Cần Giờ {n}")
    slug = factory.Sequence(lambda n: f"htx-muoi-can-gio-{n}")
    kind = Producer.Kind.COOPERATIVE
    tax_code = factory.Sequence(lambda n: f"03{n:08d}")
    province_code = CAN_GIO_PROVINCE
    commune_code = CAN_GIO_COMMUNE
    latitude = Decimal("10.411300")
    longitude = Decimal("106.954400")
    partner = factory.SubFactory(PartnerFactory, name=factory.SelfAttribute("..name"))


class RecognitionDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecognitionDecision

    number = factory.Sequence(lambda n: f"{1000 + n}/QĐ-UBND")
    decision_date = factory.LazyFunction(lambda: local_today().replace(day=1))
    level = RecognitionDecision.Level.PROVINCE
    authority = "UBND Thành phố Hồ Chí Minh"


class ProductFactory(oscar_factories.ProductFactory):
    title = factory.Sequence(lambda n: f"Muối hạt Cần Giờ {n}")
    upc = factory.Sequence(lambda n: f"OCOP{n:06d}")
    producer = factory.SubFactory(ProducerFactory)
    ocop_group = factory.LazyFunction(lambda: ProductGroup.objects.get(code="thuc-pham"))
    origin_province_code = CAN_GIO_PROVINCE
    origin_commune_code = CAN_GIO_COMMUNE
    is_public = True
    stockrecords = factory.RelatedFactory(
        "tests.factories.StockRecordFactory",
        "product",
        partner=factory.SelfAttribute("..producer.partner"),
    )
    certificate = factory.RelatedFactory("tests.factories.CertificateFactory", "product")

    class Params:
        uncertified = factory.Trait(certificate=None)


class StockRecordFactory(oscar_factories.StockRecordFactory):
    price_currency = "VND"
    price = Decimal("150000")
    num_in_stock = 20


class CertificateFactory(factory.django.DjangoModelFactory):
    """A 4★ certificate valid today; traits cover the states the gate must tell apart.

    Saved through full_clean(), so a fixture meets the rules the importer and the forms enforce:
    the score falls in its star band, a 5★ certificate comes from a national decision.
    """

    class Meta:
        model = Certificate

    product = factory.SubFactory(ProductFactory, certificate=None)
    decision = factory.SubFactory(
        RecognitionDecisionFactory,
        level=factory.LazyAttribute(
            lambda d: RecognitionDecision.Level.NATIONAL if d.factory_parent.stars == 5
            else RecognitionDecision.Level.PROVINCE
        ),
    )
    stars = 4
    score = factory.LazyAttribute(lambda c: SCORE_BANDS[c.stars][0] + 8)  # 4★ → 78
    valid_from = factory.LazyAttribute(lambda c: c.decision.decision_date)
    valid_until = factory.LazyAttribute(lambda c: Certificate.default_valid_until(c.valid_from))
    status = Certificate.Status.ACTIVE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        certificate = model_class(*args, **kwargs)
        certificate.full_clean()
        certificate.save()
        return certificate

    class Params:
        expired = factory.Trait(
            valid_from=date(2020, 1, 1), valid_until=date(2023, 1, 1)
        )
        revoked = factory.Trait(
            status=Certificate.Status.REVOKED,
            revocation_decision_number="77/QĐ-UBND",
            revoked_on=factory.LazyFunction(local_today),
            revocation_reason="Vi phạm an toàn thực phẩm",
        )
        superseded = factory.Trait(status=Certificate.Status.SUPERSEDED)


class RawMaterialAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "traceability.RawMaterialArea"

    producer = factory.SubFactory(ProducerFactory)
    name = "Ruộng muối Lý Nhơn"
    kind = "harvesting"
    area_code = "CG-RM-014"
    code_issuer = "Chi cục Trồng trọt và Bảo vệ thực vật TP.HCM"
    province_code = CAN_GIO_PROVINCE
    commune_code = CAN_GIO_COMMUNE
    latitude = Decimal("10.411300")
    longitude = Decimal("106.954400")
    hectares = Decimal("12.50")


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "traceability.Lot"

    product = factory.SubFactory(ProductFactory)
    code = factory.Sequence(lambda n: f"L2026-{n:04d}")
    produced_on = factory.LazyFunction(lambda: local_today().replace(day=1))
    quantity = 500


class StampFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "traceability.Stamp"

    lot = factory.SubFactory(LotFactory)
    serial = factory.LazyFunction(new_serial)


class SalesPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "salespoints.SalesPoint"

    name = factory.Sequence(lambda n: f"Điểm OCOP Khu du lịch Vàm Sát {n}")
    slug = factory.Sequence(lambda n: f"diem-ocop-vam-sat-{n}")
    kind = "tourist_site"
    province_code = CAN_GIO_PROVINCE
    commune_code = CAN_GIO_COMMUNE
    street = "Ấp Doi Lầu"
    latitude = Decimal("10.486200")
    longitude = Decimal("106.801200")
    opening_hours = "07:30–17:00"


class SalesPointStockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "salespoints.SalesPointStock"

    sales_point = factory.SubFactory(SalesPointFactory)
    product = factory.SubFactory(ProductFactory)
    level = "in_stock"
    quantity = 12


class TradeFairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tradefairs.TradeFair"

    name = factory.Sequence(lambda n: f"Hội chợ OCOP Cần Giờ {n}")
    slug = factory.Sequence(lambda n: f"hoi-cho-ocop-can-gio-{n}")
    venue = "Nhà Văn hóa Thanh niên, 4 Phạm Ngọc Thạch"
    province_code = CAN_GIO_PROVINCE
    starts_on = factory.LazyFunction(local_today)
    ends_on = factory.LazyAttribute(lambda f: f.starts_on)
    organiser = "Sở Công Thương Thành phố Hồ Chí Minh"


class ExhibitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tradefairs.Exhibitor"

    fair = factory.SubFactory(TradeFairFactory)
    producer = factory.SubFactory(ProducerFactory)
    booth = factory.Sequence(lambda n: f"A{n:02d}")


def producer_page(producer, **fields):
    """A published producer page under the producers' index (created on first use)."""
    from storefront.models import HomePage, ProducerIndexPage, ProducerPage

    index = ProducerIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=ProducerIndexPage(title="Chủ thể OCOP", slug="chu-the")
    )
    fields = {"title": producer.name, "slug": producer.slug, "intro": f"{producer.name} ở Cần Giờ.", **fields}
    return index.add_child(instance=ProducerPage(producer=producer, **fields))


def story_page(product, **fields):
    """A published product story under its producer's page (created on first use)."""
    from storefront.models import ProducerPage, ProductStoryPage

    parent = ProducerPage.objects.filter(producer=product.producer).first() or producer_page(product.producer)
    fields = {
        "title": f"Câu chuyện {product.title}", "slug": f"cau-chuyen-{product.pk}",
        "summary": "Phơi nắng trên ruộng muối Lý Nhơn.",
        "body": [("section", {"kind": "process", "text": "<p>Cào muối lúc bình minh.</p>", "image": None})],
        **fields,
    }
    return parent.add_child(instance=ProductStoryPage(product=product, **fields))


def producer_page_form(page, intro, action):
    """The Wagtail edit form of a producer page with a new intro, sent as ``action`` (action-submit…)."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    return nested_form_data({
        "title": page.title, "slug": page.slug, "producer": page.producer_id, "intro": intro,
        "cover": "", "body": streamfield([]), "seo_title": "", "search_description": "",
        action: "1",
    })
