"""What the API's resources share: places, producers as a reference, their serialisation."""

from ninja import Schema

import places


class PlaceOut(Schema):
    code: int | None
    name: str


class ProducerRef(Schema):
    name: str
    slug: str
    kind: str


def place(code, name) -> dict:
    return {"code": code, "name": name}


def province_code(value: str) -> int:
    """A province given as its code or its name (0 when there is none such: an empty answer)."""
    return places.parse_province(value) or 0
