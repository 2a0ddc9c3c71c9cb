"""Dashboard pages where staff follow transfers: notices needing a decision, statements, refunds."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from access.rules import may_reconcile_payments
from checkout import reconciliation
from checkout.models import BankNotice
from checkout.statements import StatementRejected, apply_statement, read_statement
from uploads import pending
from uploads.forms import TableFileForm

STATEMENT_SESSION_KEY = "bank_statement_pending"
VIEWS = {"open": gettext_lazy("Cần xử lý"), "all": gettext_lazy("Tất cả thông báo")}


class StatementForm(TableFileForm):
    file = forms.FileField(
        label=gettext_lazy("Tệp sao kê"),
        help_text=gettext_lazy("CSV (UTF-8) hoặc XLSX với các cột ngay, so_tien, noi_dung, ma_giao_dich."),
    )


def _staff_only(request):
    if not may_reconcile_payments(request.user):
        raise PermissionDenied


def bank_notices(request):
    """Notices needing a decision (or all of them), orders to refund, and the staff actions on them."""
    _staff_only(request)
    if request.method == "POST":
        return _act(request)
    shown = request.GET.get("view") if request.GET.get("view") in VIEWS else "open"
    notices = BankNotice.objects.select_related("order", "settled_by")
    if shown == "open":
        notices = notices.filter(outcome__in=BankNotice.NEEDS_STAFF, settled_by__isnull=True)
    page = Paginator(notices, 50).get_page(request.GET.get("page"))
    context = {"page": page, "shown": shown, "views": VIEWS, "refunds": reconciliation.refunds_due()[:100]}
    return TemplateResponse(request, "oscar/dashboard/orders/bank_notices.html", context)


def _act(request):
    action, user = request.POST.get("action"), request.user
    try:
        notice_id = int(request.POST.get("notice", 0))
    except ValueError:
        notice_id = 0
    try:
        if action == "accept":
            reconciliation.accept(notice_id, user)
        elif action == "assign":
            reconciliation.assign(notice_id, user, request.POST.get("order_number", ""))
        elif action == "settle":
            reconciliation.settle(notice_id, user, request.POST.get("note", ""))
        elif action == "refunded":
            reconciliation.mark_refunded(request.POST.get("order_number", ""), user,
                                         request.POST.get("note", "") or _("hoàn tiền"))
        else:
            raise reconciliation.ReconciliationError(_("Thao tác không hợp lệ."))
    except reconciliation.ReconciliationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã ghi nhận."))
    return redirect("dashboard:bank-notices")


def upload_statement(request):
    """Upload → preview of each row's outcome (nothing kept) → confirm (applied in one transaction)."""
    _staff_only(request)
    context = {"form": StatementForm()}
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm_statement(request)
    if request.method == "POST":
        form = context["form"] = StatementForm(request.POST, request.FILES)
        context |= pending.preview(request, STATEMENT_SESSION_KEY, form, _dry_run, StatementRejected)
    return TemplateResponse(request, "oscar/dashboard/orders/bank_statement.html", context)


def _dry_run(content, filename):
    return apply_statement(read_statement(content, filename), dry_run=True)


def _confirm_statement(request):
    kept = pending.take(request, STATEMENT_SESSION_KEY)
    if kept is None:
        messages.error(request, pending.GONE)
        return redirect("dashboard:bank-statement")
    content, filename = kept
    notices = apply_statement(read_statement(content, filename))
    paid = sum(notice.outcome == BankNotice.Outcome.PAID for notice in notices)
    messages.success(request, _("Đã ghi %(count)s giao dịch của %(name)s; %(paid)s đơn đã thanh toán.") % {
        "count": len(notices), "name": filename, "paid": paid})
    return redirect("dashboard:bank-notices")
