"""A lot's trace events as an EPCIS 2.0 JSON-LD document (GS1 EPCIS/CBV 2.0)."""

from django.utils import timezone

from gs1.links import lot_trace_path, public_url

EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
# Our steps by their Core Business Vocabulary names (CBV 2.0 has no "processing": it is "transforming").
BIZ_STEPS = {"processing": "transforming"}


def _offset(moment) -> str:
    minutes = int(timezone.localtime(moment).utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def lot_epcis_document(lot) -> dict:
    what = public_url(lot_trace_path(lot))
    events = [
        {
            "type": "ObjectEvent",
            "eventTime": event.occurred_at.isoformat(),
            "eventTimeZoneOffset": _offset(event.occurred_at),
            "action": "OBSERVE",
            "bizStep": BIZ_STEPS.get(event.step, event.step),
            "quantityList": [{"epcClass": what, "quantity": lot.quantity or 1}],
            "readPoint": {"id": f"{what}#{event.pk}"},
            "ocop:place": event.place,
            **({"ocop:note": event.note} if event.note else {}),
        }
        for event in lot.events.all()
    ]
    return {
        "@context": [EPCIS_CONTEXT, {"ocop": public_url("/ns/ocop#")}],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": timezone.now().isoformat(),
        "epcisBody": {"eventList": events},
    }
