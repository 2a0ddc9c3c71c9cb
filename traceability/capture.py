"""EPCIS 2.0 capture: a producer's machine sends events for its own lots.

A document is taken whole or not at all: it must pass GS1's JSON Schema, and each event must be
an ObjectEvent about one of the producer's lots, with a business step we keep. Anything else is
refused with the reason, and nothing is stored.
"""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from traceability.epcis import CBV, OCOP_PREFIX, STEPS_BY_BIZ_STEP, area_at, namespace, schema_errors
from traceability.models import CaptureToken, Lot, TraceEvent
from traceability.resolver import identified, lots_named

TOKEN_BYTES = 32


class Refused(Exception):
    def __init__(self, detail: str, errors: list[str] = ()):
        super().__init__(detail)
        self.detail, self.errors = detail, list(errors)


def _refused(number: int, message: str, **values) -> Refused:
    """The refusal of a document for its event ``number`` (counted from 1)."""
    return Refused(_("Sự kiện %(number)s: %(reason)s") % {"number": number, "reason": message % values})


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_create(*, producer, name: str, user) -> tuple[CaptureToken, str]:
    """A new capture token for ``producer``, and its key (shown once, never stored)."""
    key = secrets.token_urlsafe(TOKEN_BYTES)
    token = CaptureToken.objects.create(producer=producer, name=name, key_hash=_hash(key), created_by=user)
    return token, key


def token_producer(key: str):
    """The producer whose live token this key is, or None; notes when it was last used."""
    tokens = CaptureToken.objects.filter(key_hash=_hash(key), revoked_at=None)
    token = tokens.select_related("producer").first()
    if token is None:
        return None
    CaptureToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.producer


def _value(event: dict, term: str):
    """One of our own fields, written as ocop:term or as its full IRI."""
    return event.get(f"{OCOP_PREFIX}:{term}", event.get(f"{namespace()}{term}", ""))


def _step(biz_step: str):
    """Our step for a business step written as a CBV word or IRI, ``ocop:term`` or our full IRI."""
    if biz_step.startswith(namespace()):
        biz_step = f"{OCOP_PREFIX}:{biz_step.removeprefix(namespace())}"
    return STEPS_BY_BIZ_STEP.get(biz_step)


def _lot(event: dict, producer, number: int) -> Lot:
    classes = [q.get("epcClass", "") for q in event.get("quantityList", [])] + event.get("epcList", [])
    lots = set()
    for uri in classes:
        kwargs = identified(uri)
        if not kwargs or "lot_code" not in kwargs:
            raise _refused(number, _("%(uri)s không phải mã lô của OCOP Market."), uri=uri)
        lot = lots_named(kwargs).filter(product__producer=producer).first()
        if lot is None:  # someone else's lot looks exactly like a missing one
            raise _refused(number, _("không có lô %(uri)s của chủ thể này."), uri=uri)
        lots.add(lot)
    if len(lots) != 1:
        raise _refused(number, _("mỗi sự kiện phải nói về đúng một lô."))
    return lots.pop()


def _trace_event(event: dict, producer, number: int) -> TraceEvent:
    if event.get("type") != "ObjectEvent":
        raise _refused(number, _("chỉ nhận ObjectEvent."))
    step = _step(event.get("bizStep", ""))
    if step is None:
        allowed = ", ".join(sorted(k for k in STEPS_BY_BIZ_STEP if not k.startswith(CBV)))
        message = _("bizStep %(step)r không dùng được; dùng một trong: %(allowed)s.")
        raise _refused(number, message, step=event.get("bizStep"), allowed=allowed)
    lot = _lot(event, producer, number)
    occurred_at = parse_datetime(event["eventTime"])
    where = event.get("readPoint", event.get("bizLocation", {})).get("id", "")
    area = producer.raw_material_areas.filter(pk=area_at(where)).first()  # only one of its own areas
    place = str(_value(event, "place") or (area.name if area else where))[:255]
    if not place:
        raise _refused(number, _("cần nơi diễn ra (ocop:place hoặc readPoint)."))
    note = str(_value(event, "note"))
    traced = TraceEvent(lot=lot, step=step, occurred_at=occurred_at, place=place, note=note, area=area)
    try:
        traced.full_clean()
    except ValidationError as invalid:
        raise _refused(number, "; ".join(invalid.messages))
    return traced


def capture(document, producer) -> list[TraceEvent]:
    """Store every event of an EPCIS 2.0 document for ``producer``'s lots, or refuse it whole."""
    if not isinstance(document, dict):
        raise Refused(_("Cần một tài liệu EPCIS 2.0 JSON-LD."))
    errors = schema_errors(document)
    if errors:
        raise Refused(_("Tài liệu không đúng lược đồ JSON EPCIS 2.0 của GS1."), errors)
    if document.get("type") != "EPCISDocument":
        raise Refused(_("Cần một EPCISDocument."))
    events = document["epcisBody"]["eventList"]
    if not events:
        raise Refused(_("Tài liệu không có sự kiện nào."))
    traced = [_trace_event(event, producer, number) for number, event in enumerate(events, start=1)]
    with transaction.atomic():
        return TraceEvent.objects.bulk_create(traced)
