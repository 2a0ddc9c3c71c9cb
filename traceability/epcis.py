"""Lots' trace events in EPCIS 2.0 JSON-LD with CBV 2.0 vocabulary (GS1 EPCIS/CBV 2.0).

What an event is about is the lot's GS1 Digital Link (or our short URL for a product without a
GTIN); where it happened is a raw-material area's location URI; our own fields live under the
namespace served at /ns/ocop. Every document made or accepted here passes GS1's EPCIS 2.0 JSON
Schema (standards/), with URI formats checked.
"""

import json
import uuid
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, ResolverMatch, resolve, reverse
from django.utils import timezone
from jsonschema import Draft7Validator

from gs1.links import lot_trace_path, public_url
from traceability.models import TraceEvent

EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
SCHEMA_PATH = Path(__file__).with_name("standards") / "EPCIS-JSON-Schema.json"
CBV = "https://ref.gs1.org/cbv/"
OCOP_PREFIX = "ocop"

Step = TraceEvent.Step
# Our steps as CBV 2.0 business steps. CBV 2.0 has no step for processing food (drying,
# fermenting, cooking), so it is ours, in our namespace, as CBV asks of such extensions.
BIZ_STEPS = {
    Step.HARVESTING: "commissioning",  # the lot comes into being
    Step.PROCESSING: f"{OCOP_PREFIX}:processing",
    Step.INSPECTING: "inspecting",
    Step.PACKING: "packing",
    Step.SHIPPING: "shipping",
    Step.RETAIL: "retail_selling",
}
DISPOSITIONS = {
    Step.HARVESTING: "active",
    Step.PROCESSING: "in_progress",
    Step.INSPECTING: "conformant",
    Step.PACKING: "in_progress",
    Step.SHIPPING: "in_transit",
    Step.RETAIL: "retail_sold",
}
STEPS_BY_BIZ_STEP = {
    **{biz_step: step for step, biz_step in BIZ_STEPS.items()},
    **{f"{CBV}BizStep-{biz_step}": step for step, biz_step in BIZ_STEPS.items() if ":" not in biz_step},
}


def namespace() -> str:
    return public_url(reverse("ocop-namespace") + "#")


def context() -> list:
    return [EPCIS_CONTEXT, {OCOP_PREFIX: namespace()}]


def area_location(area) -> str:
    """A raw-material area's location identifier: its public page, which never moves."""
    return public_url(reverse("area", args=[area.pk]))


def route_of(uri: str) -> ResolverMatch | None:
    """Which of our pages a URI on PUBLIC_BASE_URL names (no query, no fragment); None otherwise."""
    parts = urlsplit(uri)
    if f"{parts.scheme}://{parts.netloc}" != settings.PUBLIC_BASE_URL or parts.query or parts.fragment:
        return None
    try:
        return resolve(parts.path)
    except Resolver404:
        return None


def area_at(location: str) -> int | None:
    """The id of the raw-material area whose location identifier this is, if it is one."""
    match = route_of(location)
    return match.kwargs["pk"] if match and match.url_name == "area" else None


def event_id(event) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, public_url(f"/ns/ocop/events/{event.pk}")).urn


def _offset(moment) -> str:
    minutes = int(timezone.localtime(moment).utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def event_json(event, lot) -> dict:
    where = {"id": area_location(event.area)} if event.area_id else None
    return {
        "type": "ObjectEvent",
        "eventID": event_id(event),
        "eventTime": event.occurred_at.isoformat(),
        "eventTimeZoneOffset": _offset(event.occurred_at),
        "action": "ADD" if event.step == Step.HARVESTING else "OBSERVE",
        "bizStep": BIZ_STEPS[event.step],
        "disposition": DISPOSITIONS[event.step],
        "quantityList": [{"epcClass": public_url(lot_trace_path(lot)), "quantity": lot.quantity or 1}],
        **({"readPoint": where, "bizLocation": where} if where else {}),
        f"{OCOP_PREFIX}:place": event.place,
        **({f"{OCOP_PREFIX}:note": event.note} if event.note else {}),
    }


def _document(kind: str, body: dict) -> dict:
    return {
        "@context": context(),
        "type": kind,
        "schemaVersion": "2.0",
        "creationDate": timezone.now().isoformat(),
        "epcisBody": body,
    }


def lot_epcis_document(lot) -> dict:
    events = lot.events.select_related("area")
    return _document("EPCISDocument", {"eventList": [event_json(event, lot) for event in events]})


def query_document(events) -> dict:
    """Events (with their lots loaded) as the answer to an EPCIS 2.0 SimpleEventQuery."""
    found = [event_json(event, event.lot) for event in events]
    return _document(
        "EPCISQueryDocument",
        {"queryResults": {"queryName": "SimpleEventQuery", "resultsBody": {"eventList": found}}},
    )


@cache
def _validator() -> Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def schema_errors(document) -> list[str]:
    """GS1's own EPCIS 2.0 JSON Schema's complaints about a document, most specific first."""
    errors = sorted(_validator().iter_errors(document), key=lambda error: -len(error.absolute_path))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(document)'}: {error.message}" for error in errors]
