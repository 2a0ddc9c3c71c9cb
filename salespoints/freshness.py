"""What the sales points' tables move for cached pages (pagecache.triggers)."""

from pagecache.triggers import PRODUCT_ROWS, WRITTEN_ROWS, Touch, register

PRODUCTS_AT_POINTS = (
    "SELECT s.product_id AS id FROM salespoints_salespointstock s JOIN {rows} r ON s.sales_point_id = r.id"
)


def register_touches() -> None:
    register(
        # A product's page names the points that stock it, with their stock level.
        Touch(
            "point_stock_product",
            "salespoints_salespointstock",
            PRODUCT_ROWS,
            ("product_id",),
        ),
        Touch(
            "point_product", "salespoints_salespoint", PRODUCTS_AT_POINTS, ("id",), on=("UPDATE", "DELETE")
        ),
        # The lists of points, and of what a point carries.
        Touch(
            "point_listing",
            "salespoints_salespoint",
            WRITTEN_ROWS,
            ("id",),
            target="clock:listing",
        ),
        Touch(
            "point_stock_listing",
            "salespoints_salespointstock",
            WRITTEN_ROWS,
            ("id",),
            target="clock:listing",
            on=("INSERT", "DELETE"),
        ),
    )
