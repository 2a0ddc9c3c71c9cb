from django.db.models.signals import m2m_changed, post_delete, post_save

from catalogue.models import Certificate, Producer, Product, RecognitionDecision
from traceability.fragments import content_changed
from traceability.models import AreaStandard, Lot, RawMaterialArea, TraceEvent

# What trace pages show besides the gate's inputs (which every request reads afresh).
SHOWN_ON_TRACE_PAGES = (
    Lot, RawMaterialArea, AreaStandard, TraceEvent, Product, Producer, Certificate, RecognitionDecision,
)


def connect():
    for model in SHOWN_ON_TRACE_PAGES:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"trace-{model.__name__}-saved")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"trace-{model.__name__}-deleted")
    m2m_changed.connect(content_changed, sender=Lot.areas.through, dispatch_uid="trace-lot-areas")
