"""/epcis/: EPCIS 2.0 events of our lots (query, in the spirit of the EPCIS 2.0 REST binding) and
capture of a producer's own events with its token."""

import json
from datetime import datetime
from typing import Annotated

from django.http import JsonResponse
from ninja import Router
from ninja.security import HttpBearer
from pydantic import BeforeValidator

from traceability.capture import Refused, capture, token_producer
from traceability.epcis import BIZ_STEPS, query_document
from traceability.models import Lot, TraceEvent
from traceability.resolver import identified, lots_named

router = Router(tags=["epcis"])

JSON_LD = "application/ld+json"
MAX_EVENTS = 1000
# Documented by hand: the body is EPCIS JSON-LD, checked against GS1's schema, not a ninja schema.
OBJECT = {"schema": {"type": "object"}}
EPCIS_DOCUMENT = {JSON_LD: OBJECT, "application/json": OBJECT}
ERROR = {"application/json": {"schema": {"type": "object", "properties": {"detail": {"type": "string"}}}}}


def _is_number(text: str) -> bool:
    try:
        float(text)  # also exponents ("1.2e-63"), "inf", "nan": all numbers to pydantic
    except ValueError:
        return False
    return True


def _not_a_number(value):
    """Pydantic would read a number as seconds since 1970; the schema and EPCIS say an ISO date-time."""
    if isinstance(value, str) and _is_number(value):
        raise ValueError("expected an ISO 8601 date-time")
    return value


EventTime = Annotated[datetime, BeforeValidator(_not_a_number)]


class ProducerToken(HttpBearer):
    def authenticate(self, request, token):
        return token_producer(token)


@router.get(
    "/epcis/events/",
    openapi_extra={
        "responses": {
            200: {"description": "An EPCISQueryDocument", "content": {JSON_LD: OBJECT}},
            400: {"description": "Bad query", "content": ERROR},
        }
    },
)
def epcis_events(
    request,
    MATCH_anyEPCClass: str,  # noqa: N803  the EPCIS query parameter's own name
    EQ_bizStep: str = "",  # noqa: N803
    GE_eventTime: EventTime | None = None,  # noqa: N803
    LT_eventTime: EventTime | None = None,  # noqa: N803
):
    """Events of the product or lot a Digital Link (or short trace URL) names, oldest first."""
    kwargs = identified(MATCH_anyEPCClass)
    # An EPC class that is none of our products or lots matches no event: an empty result.
    lots = lots_named(kwargs) if kwargs else Lot.objects.none()
    events = TraceEvent.objects.filter(lot__in=lots).select_related("lot__product", "area")
    if EQ_bizStep:
        wanted = set(EQ_bizStep.split(","))
        events = events.filter(step__in=[step for step, biz_step in BIZ_STEPS.items() if biz_step in wanted])
    if GE_eventTime:
        events = events.filter(occurred_at__gte=GE_eventTime)
    if LT_eventTime:
        events = events.filter(occurred_at__lt=LT_eventTime)
    document = query_document(events.order_by("occurred_at", "pk")[:MAX_EVENTS])
    return JsonResponse(document, content_type=JSON_LD)


@router.post(
    "/epcis/capture",
    auth=ProducerToken(),
    openapi_extra={
        "requestBody": {"required": True, "content": EPCIS_DOCUMENT},
        "responses": {
            201: {"description": "Events stored", "content": {"application/json": OBJECT}},
            400: {"description": "Refused: nothing stored", "content": ERROR},
            401: {"description": "No or a revoked token", "content": ERROR},
        },
    },
)
def epcis_capture(request):
    """Store an EPCIS 2.0 document's events for the token's producer's own lots, all or none."""
    try:
        document = json.loads(request.body)
    except ValueError:
        return JsonResponse({"detail": "The body is not JSON"}, status=400)
    try:
        stored = capture(document, request.auth)
    except Refused as refused:
        return JsonResponse({"detail": refused.detail, "errors": refused.errors}, status=400)
    return JsonResponse({"captured": len(stored)}, status=201)
