"""What a shopping channel is told of a product: one reading of the catalogue for every feed.

Only listable products are read (the listing gate, through browsable()); a product a channel
cannot take whole (no picture, no price, a tourism service) is left out with the reason logged,
never sent half-filled.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime

from catalogue.partner.strategy import Selector
from catalogue.selectors import products_for_cards
from formats import plain_text
from gs1.links import public_url

logger = logging.getLogger(__name__)

# Google's product taxonomy by OCOP group (full paths are accepted in place of the numeric ids).
GOOGLE_CATEGORIES = {
    "thuc-pham": "Food, Beverages & Tobacco > Food Items",
    "do-uong": "Food, Beverages & Tobacco > Beverages",
    "thao-duoc": "Health & Beauty > Health Care",
    "thu-cong-my-nghe": "Home & Garden > Decor",
    "sinh-vat-canh": "Home & Garden > Plants",
}
SERVICES = {"du-lich"}  # tours and homestays: shopping channels take goods only

NO_IMAGE, NO_PRICE, A_SERVICE = "no image", "no price", "a service, not goods"
NO_CATEGORY = "no shopping category for its product group"  # a group added later, or none


@dataclass(frozen=True)
class FeedItem:
    code: str
    title: str
    description: str
    link: str
    image_link: str
    in_stock: bool
    stock: int
    price_vnd: int
    brand: str
    gtin: str
    group_code: str
    group_name: str
    stars: int
    valid_until: date
    updated: datetime

    @property
    def google_category(self) -> str:
        return GOOGLE_CATEGORIES[self.group_code]


def feed_item(product, strategy) -> FeedItem | str:
    """The product's item, or why it is left out."""
    group = product.ocop_group
    if group and group.code in SERVICES:
        return A_SERVICE
    if group is None or group.code not in GOOGLE_CATEGORIES:
        return NO_CATEGORY
    images = list(product.images.all())
    if not images:
        return NO_IMAGE
    info = strategy.fetch_for_product(product)
    if not info.price.exists:
        return NO_PRICE
    certificate = product.current_certificate()
    stockrecord = info.stockrecord
    return FeedItem(
        code=product.upc,
        title=product.title,
        description=plain_text(product.description) or product.title,
        link=public_url(product.get_absolute_url()),
        image_link=public_url(images[0].original.url),
        in_stock=info.availability.is_available_to_buy,
        stock=stockrecord.net_stock_level if stockrecord else 0,
        price_vnd=int(info.price.incl_tax),
        brand=product.producer.name if product.producer else "",
        gtin=product.gtin,
        group_code=group.code,
        group_name=group.name,
        stars=certificate.stars,
        valid_until=certificate.valid_until,
        updated=product.date_updated,
    )


def feed_items(products=None) -> list[FeedItem]:
    """Every listable product a channel can take, oldest first (stable ids, stable diffs)."""
    strategy = Selector().strategy()
    items = []
    for product in (products if products is not None else products_for_cards()).order_by("pk"):
        item = feed_item(product, strategy)
        if isinstance(item, str):
            logger.info("Feed leaves out %s (%s): %s", product.upc, product.title, item)
        else:
            items.append(item)
    return items
