"""Wagtail admin views of producers: unit stamps of their own lots, and their EPCIS capture keys."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access.rules import own_lots, own_producers
from catalogue.models import Producer
from traceability.capture import token_create
from traceability.models import CaptureToken, Lot
from traceability.services import lots_with_scans, notify_stamp_sheet, stamps_generate

MAX_STAMPS_PER_REQUEST = 10_000  # one printed order; more is a mistake or abuse


class StampRequestForm(forms.Form):
    lot = forms.IntegerField(widget=forms.HiddenInput)
    count = forms.IntegerField(label=_("Số tem"), min_value=1, max_value=MAX_STAMPS_PER_REQUEST)


def lots_for(user):
    """The lots whose stamps ``user`` may order and print (access.rules.own_lots)."""
    return own_lots(user, lots_with_scans(Lot.objects.order_by("-produced_on", "-pk")))


def producer_stamps(request):
    lots = lots_for(request.user)
    if request.method == "POST":
        form = StampRequestForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Số tem phải từ 1 đến %(max)s.") % {"max": MAX_STAMPS_PER_REQUEST})
            return redirect("producer_stamps")
        lot = lots.filter(pk=form.cleaned_data["lot"]).first()
        if lot is None:  # another producer's lot looks exactly like a missing one
            raise Http404
        created = stamps_generate(lot=lot, count=form.cleaned_data["count"])
        transaction.on_commit(lambda: notify_stamp_sheet.enqueue(lot.pk, len(created)))
        summary = {"count": len(created), "lot": lot.code}
        messages.success(request, _("Đã tạo %(count)s tem cho lô %(lot)s.") % summary)
        return redirect("producer_stamps")
    return TemplateResponse(
        request, "traceability/admin/producer_stamps.html",
        {"lots": lots[:200], "form": StampRequestForm(), "max_stamps": MAX_STAMPS_PER_REQUEST},
    )


class CaptureTokenForm(forms.Form):
    producer = forms.ModelChoiceField(label=_("Chủ thể"), queryset=Producer.objects.none())
    name = forms.CharField(label=_("Tên khóa (ví dụ: máy cân đóng gói)"), max_length=100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        producers = own_producers(user, Producer.objects.order_by("name"))
        self.fields["producer"].queryset = producers
        if len(producers[:2]) == 1:  # a producer's user: nothing to choose
            self.fields["producer"].initial = producers[0].pk


def capture_tokens(request):
    """A producer's keys for sending EPCIS events by machine: made here, shown once, revocable."""
    tokens = CaptureToken.objects.filter(producer__in=own_producers(request.user, Producer.objects.all()))
    form = CaptureTokenForm(request.POST if "name" in request.POST else None, user=request.user)
    if "revoke" in request.POST:
        revoked = tokens.filter(pk=request.POST["revoke"] if request.POST["revoke"].isdecimal() else None)
        if revoked.update(revoked_at=timezone.now()):  # another producer's key looks like a missing one
            messages.success(request, _("Đã thu hồi khóa."))
        return redirect("capture_tokens")
    if form.is_bound and form.is_valid():
        _token, key = token_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("Khóa mới (chỉ hiện một lần, hãy lưu lại): %(key)s") % {"key": key})
        return redirect("capture_tokens")
    context = {"tokens": tokens.select_related("producer")[:200], "form": form}
    return TemplateResponse(request, "traceability/admin/capture_tokens.html", context)
