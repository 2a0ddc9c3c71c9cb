"""Wagtail admin view where producers create and print the unit stamps of their own lots."""

from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from access.rules import own_lots
from traceability.models import Lot
from traceability.services import stamps_generate

MAX_STAMPS_PER_REQUEST = 20_000


class StampRequestForm(forms.Form):
    lot = forms.IntegerField(widget=forms.HiddenInput)
    count = forms.IntegerField(label=_("Số tem"), min_value=1, max_value=MAX_STAMPS_PER_REQUEST)


def lots_for(user):
    """The lots whose stamps ``user`` may order and print (access.rules.own_lots)."""
    lots = Lot.objects.select_related("product").annotate(stamp_count=Count("stamps"))
    return own_lots(user, lots.order_by("-produced_on", "-pk"))


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
        summary = {"count": len(created), "lot": lot.code}
        messages.success(request, _("Đã tạo %(count)s tem cho lô %(lot)s.") % summary)
        return redirect("producer_stamps")
    return TemplateResponse(
        request, "traceability/admin/producer_stamps.html", {"lots": lots[:200], "form": StampRequestForm()}
    )
