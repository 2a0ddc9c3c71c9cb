from django.db.models.signals import m2m_changed, post_delete, post_save

from traceability.fragments import content_changed
from traceability.models import AreaStandard, Lot, RawMaterialArea, TraceEvent


def connect():
    for model in (Lot, RawMaterialArea, AreaStandard, TraceEvent):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"trace-{model.__name__}-saved")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"trace-{model.__name__}-deleted")
    m2m_changed.connect(content_changed, sender=Lot.areas.through, dispatch_uid="trace-lot-areas")
