"""Nhật ký thay đổi: who changed certificates, decisions, producers, products' public switch,
stock, prices, sales points and fairs, and when (django-auditlog records; settings list the
models), each officer reading its own province's."""

from auditlog.models import LogEntry
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from access.rules import audit_provinces, may_read_audit

PER_PAGE = 50


def audited_types() -> dict[int, str]:
    """{content type id: Vietnamese name} of the models the settings audit, by name."""
    tracked = settings.AUDITLOG_INCLUDE_TRACKING_MODELS
    labels = [item if isinstance(item, str) else item["model"] for item in tracked]
    types = ContentType.objects.get_for_models(*(apps.get_model(label) for label in labels))
    names = {kind.pk: str(model._meta.verbose_name).capitalize() for model, kind in types.items()}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def changes_of(entry) -> list[tuple[str, str, str]]:
    """(field, before, after) as people read them: no row id, no reverse relations (auditlog lists
    them as "app.Model.None"), no "before" on a creation."""
    created = entry.action == LogEntry.Action.CREATE
    return [
        (field, "" if created else before, after)
        for field, (before, after) in entry.changes_display_dict.items()
        if field.lower() != "id" and not str(after).endswith(".None")
    ]


def entries_for(user, content_type_id=None):
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    provinces = audit_provinces(user)
    if provinces is not None:
        entries = entries.filter(additional_data__province_code__in=sorted(provinces))
    return entries.filter(content_type_id=content_type_id) if content_type_id else entries


def audit_log(request):
    if not may_read_audit(request.user):
        raise PermissionDenied
    chosen = request.GET.get("loai", "")
    kind = int(chosen) if chosen.isdecimal() else None
    page = Paginator(entries_for(request.user, kind), PER_PAGE).get_page(request.GET.get("trang"))
    types = audited_types()
    rows = [(entry, types.get(entry.content_type_id, entry.content_type.name), changes_of(entry))
            for entry in page.object_list]
    context = {"page": page, "rows": rows, "types": types.items(), "kind": kind}
    return TemplateResponse(request, "reports/admin/audit_log.html", context)
