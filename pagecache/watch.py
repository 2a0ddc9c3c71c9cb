"""What the catalogue's tables move (pagecache.triggers): the rest register their own in their apps."""

from modeltranslation.utils import get_translation_fields

from pagecache.triggers import PRODUCT_ROWS, WRITTEN_ROWS, Touch, register, versioned

PRODUCTS_OF_PRODUCERS = "SELECT p.id AS id FROM catalogue_product p JOIN {rows} r ON p.producer_id = r.id"
PRODUCTS_OF_DECISIONS = (
    "SELECT c.product_id AS id FROM catalogue_certificate c JOIN {rows} r ON c.decision_id = r.id"
)
# What a list may show of a product row, or sort and filter it by; not its version, its rating or
# the time of its last save, which the lists do not show.
LISTED_PRODUCT_COLUMNS = (
    "structure",
    "is_public",
    "upc",
    "parent_id",
    "title",
    "slug",
    "description",
    "meta_title",
    "meta_description",
    "priority",
    "product_class_id",
    "date_created",
    "is_discountable",
    "code",
    "ocop_group_id",
    "producer_id",
    "origin_province_code",
    "origin_commune_code",
    "gtin",
    # the names and descriptions in each language (catalogue/translation.py)
    *get_translation_fields("title", "description"),
)


def register_catalogue() -> None:
    versioned("catalogue_product")
    register(
        # A product's page shows its certificates (the gate), producer, decision, stock and price,
        # images and categories: each moves the product's version.
        Touch("certificate_product", "catalogue_certificate", PRODUCT_ROWS, ("product_id",)),
        Touch(
            "producer_product", "catalogue_producer", PRODUCTS_OF_PRODUCERS, ("id",), on=("UPDATE", "DELETE")
        ),
        Touch(
            "decision_product",
            "catalogue_recognitiondecision",
            PRODUCTS_OF_DECISIONS,
            ("id",),
            on=("UPDATE", "DELETE"),
        ),
        Touch("stock_product", "partner_stockrecord", PRODUCT_ROWS, ("product_id",)),
        Touch("image_product", "catalogue_productimage", PRODUCT_ROWS, ("product_id",)),
        Touch("category_product", "catalogue_productcategory", PRODUCT_ROWS, ("product_id",)),
        # Which products are listed, in which order and under which names: the listing clock.
        Touch(
            "product_listing",
            "catalogue_product",
            WRITTEN_ROWS,
            ("id",),
            target="clock:listing",
            changed=tuple(f"{{r}}.{column}" for column in LISTED_PRODUCT_COLUMNS),
        ),
        Touch("certificate_listing", "catalogue_certificate", WRITTEN_ROWS, ("id",), target="clock:listing"),
        Touch("producer_listing", "catalogue_producer", WRITTEN_ROWS, ("id",), target="clock:listing"),
        Touch(
            "decision_listing", "catalogue_recognitiondecision", WRITTEN_ROWS, ("id",), target="clock:listing"
        ),
        Touch("category_listing", "catalogue_productcategory", WRITTEN_ROWS, ("id",), target="clock:listing"),
        # Prices order the lists sorted by price. Stock levels show on product pages only (the
        # product's version), so an order or a restock leaves every list cached.
        Touch(
            "stock_prices",
            "partner_stockrecord",
            WRITTEN_ROWS,
            ("id",),
            target="clock:prices",
            changed=("{r}.price",),
        ),
    )
