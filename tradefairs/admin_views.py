"""The officers' page for one fair: exhibitors by booth, their listings, and what was withdrawn."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from access.rules import may_edit_fair
from access.viewsets import OTHER_PROVINCE
from tradefairs.forms import ExhibitorForm, ListingForm
from tradefairs.models import Exhibitor, FairListing, TradeFair
from tradefairs.selectors import officer_listings
from tradefairs.services import fair_listing_add

# Action → what it removes and how that reaches the fair (only this fair's rows can go).
REMOVABLE = {"remove_listing": (FairListing, "exhibitor__fair"), "remove_exhibitor": (Exhibitor, "fair")}


def fair_exhibitors(request, pk):
    fair = get_object_or_404(TradeFair, pk=pk)
    if not may_edit_fair(request.user, fair):
        return HttpResponseForbidden(OTHER_PROVINCE)
    action = request.POST.get("action") if request.method == "POST" else None
    exhibitor_form = ExhibitorForm(request.POST if action == "add_exhibitor" else None, fair=fair)
    listing_form = ListingForm(request.POST if action == "add_listing" else None, fair=fair)

    if action == "add_exhibitor" and exhibitor_form.is_valid():
        exhibitor = exhibitor_form.save()
        messages.success(request, _("Đã thêm gian hàng %(booth)s.") % {"booth": exhibitor.booth})
        return redirect("tradefair_exhibitors", pk=fair.pk)
    if action == "add_listing" and listing_form.is_valid():
        try:
            listing = fair_listing_add(**listing_form.cleaned_data)
        except ValidationError as refused:
            listing_form.add_error("product", refused)
        else:
            messages.success(request, _("Đã thêm «%(title)s».") % {"title": listing.product.title})
            return redirect("tradefair_exhibitors", pk=fair.pk)
    if action in REMOVABLE:
        model, fair_field = REMOVABLE[action]
        model.objects.filter(pk=request.POST.get("pk"), **{fair_field: fair}).delete()
        messages.success(request, _("Đã xóa."))
        return redirect("tradefair_exhibitors", pk=fair.pk)

    context = {
        "fair": fair,
        "exhibitors": fair.exhibitors.select_related("producer").order_by("booth", "pk"),
        "listings": officer_listings(fair),
        "exhibitor_form": exhibitor_form,
        "listing_form": listing_form,
    }
    return TemplateResponse(request, "tradefairs/admin/fair_exhibitors.html", context)
