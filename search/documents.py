"""What the search backends know of a product: one reading of the catalogue, two index formats.

`ProductDocument` is the Elasticsearch mapping; `entry_for` is the database backend's row. Both
are built from the same `ProductFacts`, so the two backends match the same words.
"""

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from elasticsearch_dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    GeoPoint,
    InnerDoc,
    Integer,
    Keyword,
    Long,
    Nested,
    Text,
    analyzer,
)

from catalogue.certification import is_offered
from catalogue.models import Category, Product
from catalogue.selectors import products_with_certificates
from catalogue.translation import translations
from formats import plain_text
from salespoints.models import SalesPointStock
from search.folding import word_text
from search.models import ProductSearchEntry

# "Nước mắm" and "nuoc mam" give the same tokens: lowercase, then strip the diacritics.
vietnamese = analyzer("vietnamese", tokenizer="standard", filter=["lowercase", "asciifolding"])


def _text(**kwargs):
    return Text(analyzer=vietnamese, **kwargs)


class CertificateWindow(InnerDoc):
    """One certificate's validity: the query-time listing gate filters on these."""

    status = Keyword()
    stars = Integer()
    valid_from = Date()
    valid_until = Date()


class ProductDocument(Document):
    product_id = Long()
    name = _text(fields={"raw": Keyword()})
    producer = _text(fields={"raw": Keyword()})
    story = _text()  # the live product story page (the shell's story page), if any
    description = _text()
    province_name = _text()
    commune_name = _text()
    group_name = _text()
    translations = _text()  # the name and description in the other languages, for tourists
    # Every text field above in one, as the database backend's entry ``text``: a term is looked
    # for anywhere in one field rather than in seven (search.backends.elastic).
    text = _text()
    province = Integer()
    commune = Integer()
    group = Keyword()
    categories = Integer(multi=True)
    stars = Integer()  # of the certificate current when indexed; the gate uses `certificates`
    price = Long()  # VND, no minor unit
    offered = Boolean()  # catalogue.certification.is_offered, the producer's half of the gate
    certificates = Nested(CertificateWindow)
    sales_points = GeoPoint(multi=True)
    created = Date()
    suggest = Completion(analyzer=vietnamese)


@dataclass
class ProductFacts:
    """The indexed reading of one product."""

    pk: int
    name: str
    producer: str
    story: str
    description: str
    province: int | None
    province_name: str
    commune: int | None
    commune_name: str
    group: str
    group_name: str
    translations: str
    stars: int | None
    price: int | None
    offered: bool
    created: datetime
    certificates: list[dict] = field(default_factory=list)
    categories: list[int] = field(default_factory=list)
    sales_points: list[dict] = field(default_factory=list)

    def as_document(self) -> ProductDocument:
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "pk"}
        # Every word-suffix of the name, so "tra" completes "Thanh trà Hương Vân" too.
        name_words = self.name.split()
        suggest = {"input": [" ".join(name_words[i:]) for i in range(len(name_words))]}
        return ProductDocument(
            meta={"id": self.pk}, product_id=self.pk, suggest=suggest, text=" ".join(self.texts()), **values
        )

    def texts(self) -> list[str]:
        return [
            self.name, self.producer, self.story, self.description,
            self.province_name, self.commune_name, self.group_name, self.translations,
        ]

    def as_entry(self) -> ProductSearchEntry:
        return ProductSearchEntry(
            product_id=self.pk,
            name=word_text(self.name),
            producer=word_text(self.producer),
            text=word_text(*self.texts()),
        )


def products_to_index():
    """Products with everything their facts read, in a constant number of queries."""
    # The stories are Wagtail pages of the project shell (a layer above): reached by the relation.
    stories = Product._meta.get_field("story_pages").related_model
    live_stories = Prefetch("story_pages", queryset=stories.objects.live())
    carried = Prefetch(
        "sales_point_stock",
        queryset=SalesPointStock.objects.filter(sales_point__is_active=True)
        .exclude(level=SalesPointStock.Level.OUT)
        .select_related("sales_point"),
    )
    return products_with_certificates().prefetch_related(
        live_stories, carried,
        "stockrecords", Prefetch("categories", queryset=Category.objects.only("pk"))
    )


def facts_for(product: Product, today: date) -> ProductFacts:
    # Indexed in Vietnamese whatever the language of the request that indexes; the other
    # languages' texts beside it.
    with translation.override(settings.LANGUAGE_CODE):
        return _facts(product, today)


def _facts(product: Product, today: date) -> ProductFacts:
    producer = product.producer
    group = product.ocop_group
    certificate = product.current_certificate(today)
    prices = [record.price for record in product.stockrecords.all() if record.price is not None]
    return ProductFacts(
        pk=product.pk,
        name=product.get_title(),
        producer=producer.name if producer else "",
        story=_story_text(product),
        description=plain_text(product.description),
        province=product.origin_province_code,
        province_name=product.origin_province_name or "",
        commune=product.origin_commune_code,
        commune_name=product.origin_commune_name or "",
        group=group.code if group else "",
        group_name=" ".join(translations(group, "name").values()) if group else "",
        translations=_other_languages(product),
        stars=certificate.stars if certificate else None,
        price=int(min(prices)) if prices else None,
        offered=is_offered(product),
        created=product.date_created,
        certificates=[
            {
                "status": c.status,
                "stars": c.stars,
                "valid_from": c.valid_from,
                "valid_until": c.valid_until,
            }
            for c in product.certificates.all()
        ],
        categories=sorted(category.pk for category in product.categories.all()),
        sales_points=_sales_point_locations(product),
    )


def _other_languages(product) -> str:
    texts = [
        text
        for field in ("title", "description")
        for code, text in translations(product, field).items()
        if code != settings.LANGUAGE_CODE
    ]
    return plain_text(" ".join(texts))


def _story_text(product) -> str:
    """The live story in every language, so "fish sauce" finds a story translated to English."""
    return " ".join(page.story_text() for page in product.story_pages.all())


def _sales_point_locations(product) -> list[dict]:
    """Where the product is in stock, for geo queries ("near me" in search)."""
    points = (stock.sales_point for stock in product.sales_point_stock.all())
    return [
        {"lat": float(point.latitude), "lon": float(point.longitude)}
        for point in points
        if point.latitude is not None and point.longitude is not None
    ]

