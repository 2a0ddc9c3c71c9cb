"""What the traceability tables move for cached trace pages (pagecache.triggers)."""

from pagecache.triggers import PRODUCT_ROWS, Touch, register, versioned

LOT_COLUMNS = ("{r}.product_id", "{r}.code", "{r}.produced_on", "{r}.expires_on", "{r}.quantity")


def _lots_of(areas: str) -> str:
    """Lots that name one of ``areas`` (a relation of area ids) or have an event there."""
    return (
        "SELECT la.lot_id AS id FROM traceability_lot_areas la "
        f"JOIN {areas} r ON la.rawmaterialarea_id = r.id "
        f"UNION SELECT e.lot_id AS id FROM traceability_traceevent e JOIN {areas} r ON e.area_id = r.id"
    )


def _products_of(areas: str) -> str:
    """Products of the producers of ``areas``."""
    return (
        "SELECT p.id AS id FROM catalogue_product p JOIN traceability_rawmaterialarea a "
        f"ON a.producer_id = p.producer_id JOIN {areas} r ON r.id = a.id"
    )


STANDARDS_AREAS = "(SELECT area_id AS id FROM {rows} w)"


def register_touches() -> None:
    versioned("traceability_lot")
    register(
        # A lot's page shows its events and raw-material areas, with their standards.
        Touch(
            "event_lot",
            "traceability_traceevent",
            "SELECT lot_id AS id FROM {rows} w",
            ("lot_id",),
            target="traceability_lot",
        ),
        Touch(
            "lot_area_lot",
            "traceability_lot_areas",
            "SELECT lot_id AS id FROM {rows} w",
            ("lot_id",),
            target="traceability_lot",
        ),
        Touch(
            "area_lot",
            "traceability_rawmaterialarea",
            _lots_of("{rows}"),
            ("id",),
            target="traceability_lot",
            on=("UPDATE", "DELETE"),
        ),
        Touch(
            "standard_lot",
            "traceability_areastandard",
            _lots_of(STANDARDS_AREAS),
            ("area_id",),
            target="traceability_lot",
        ),
        # A product's trace page lists its lots and its producer's areas.
        Touch(
            "lot_product",
            "traceability_lot",
            PRODUCT_ROWS,
            ("product_id",),
            changed=LOT_COLUMNS,
        ),
        Touch("area_product", "traceability_rawmaterialarea", _products_of("{rows}"), ("id",)),
        Touch("standard_product", "traceability_areastandard", _products_of(STANDARDS_AREAS), ("area_id",)),
    )
