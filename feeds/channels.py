"""The feeds themselves: Google Merchant Center (RSS 2.0 with the g: namespace), Meta's catalogue
CSV, and a producer's listing sheet for manual upload to marketplaces."""

from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from django.conf import settings

from checkout.shipping.fees import delivery_fee
from feeds.items import FeedItem
from formats import vn_date
from formats.spreadsheets import to_csv, to_xlsx

GOOGLE = "http://base.google.com/ns/1.0"
register_namespace("g", GOOGLE)
TITLE_LIMIT, DESCRIPTION_LIMIT = 150, 5000  # Google's and Meta's limits


def price(amount: int) -> str:
    return f"{amount} VND"  # ISO 4217, no minor unit: "150000 VND"


def availability(item: FeedItem) -> str:
    return "in_stock" if item.in_stock else "out_of_stock"


def shipping_price(item: FeedItem) -> str:
    """What delivery of this item alone costs: the dearest region's fee, or nothing above the threshold."""
    return price(int(delivery_fee(None, item.price_vnd)))


def google_feed(items: list[FeedItem]) -> bytes:
    rss = Element("rss", {"version": "2.0"})
    channel = SubElement(rss, "channel")
    for tag, text in (
        ("title", "OCOP Market"),
        ("link", settings.PUBLIC_BASE_URL),
        ("description", "Sản phẩm OCOP còn hiệu lực chứng nhận (3–5 sao)"),
    ):
        SubElement(channel, tag).text = text

    def g(parent, tag, text):
        SubElement(parent, f"{{{GOOGLE}}}{tag}").text = text

    for item in items:
        entry = SubElement(channel, "item")
        g(entry, "id", item.code)
        SubElement(entry, "title").text = item.title[:TITLE_LIMIT]
        SubElement(entry, "description").text = item.description[:DESCRIPTION_LIMIT]
        SubElement(entry, "link").text = item.link
        SubElement(entry, "pubDate").text = format_datetime(item.updated)
        g(entry, "image_link", item.image_link)
        g(entry, "availability", availability(item))
        g(entry, "price", price(item.price_vnd))
        g(entry, "brand", item.brand)
        if item.gtin:
            g(entry, "gtin", item.gtin)
        else:
            g(entry, "identifier_exists", "no")
        g(entry, "condition", "new")
        g(entry, "google_product_category", item.google_category)
        g(entry, "product_type", item.group_name)
        shipping = SubElement(entry, f"{{{GOOGLE}}}shipping")
        g(shipping, "country", "VN")
        g(shipping, "service", "Giao hàng tận nơi")
        g(shipping, "price", shipping_price(item))
        for name, value in (
            ("Hạng sao OCOP", f"{item.stars} sao"),
            ("Chứng nhận OCOP có hiệu lực đến", vn_date(item.valid_until)),
        ):
            detail = SubElement(entry, f"{{{GOOGLE}}}product_detail")
            g(detail, "section_name", "OCOP")
            g(detail, "attribute_name", name)
            g(detail, "attribute_value", value)
    return tostring(rss, encoding="utf-8", xml_declaration=True)


META_COLUMNS = [
    "id", "title", "description", "availability", "condition", "price", "link", "image_link", "brand",
    "google_product_category", "gtin", "product_type", "quantity_to_sell_on_facebook", "updated_time",
]


def meta_feed(items: list[FeedItem]) -> bytes:
    rows = [
        [
            item.code, item.title[:TITLE_LIMIT], item.description[:DESCRIPTION_LIMIT], availability(item),
            "new", price(item.price_vnd), item.link, item.image_link, item.brand, item.google_category,
            item.gtin, item.group_name, item.stock, item.updated.isoformat(),
        ]
        for item in items
    ]
    return to_csv(META_COLUMNS, rows, for_spreadsheets=False)  # read by Meta's importer, not a person


LISTING_COLUMNS = ["sku", "title", "description", "price_vnd", "stock", "images", "gtin", "weight_g", "link"]


def listing_rows(items: list[FeedItem], weights: dict[str, str]) -> list[list]:
    return [
        [
            item.code, item.title, item.description, item.price_vnd, item.stock, item.image_link, item.gtin,
            weights.get(item.code, ""), item.link,
        ]
        for item in items
    ]


def listing_sheet(items: list[FeedItem], weights: dict[str, str], fmt: str) -> bytes:
    rows = listing_rows(items, weights)
    return to_csv(LISTING_COLUMNS, rows) if fmt == "csv" else to_xlsx(LISTING_COLUMNS, rows, title="OCOP")
