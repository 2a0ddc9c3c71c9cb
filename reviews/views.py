"""A buyer writes a review from the order page's signed link, one per delivered line."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy

from checkout.tracking import order_from_token
from reviews.rules import NotAllowed, may_review, write_review

ONCE_AFTER_DELIVERY = gettext_lazy("Sản phẩm này chỉ đánh giá được một lần, sau khi đã nhận hàng.")
THANKS = gettext_lazy("Cảm ơn quý khách! Đánh giá sẽ hiện trên trang sản phẩm sau khi được duyệt.")
STARS = [(score, score) for score in range(5, 0, -1)]


class ReviewForm(forms.Form):
    score = forms.TypedChoiceField(label=gettext_lazy("Số sao"), choices=STARS, coerce=int,
                                   widget=forms.RadioSelect)
    body = forms.CharField(label=gettext_lazy("Nhận xét"), max_length=2000, min_length=10,
                           widget=forms.Textarea(attrs={"rows": 5}))


def write(request, token, line_id):
    order = order_from_token(token)
    line = order and order.lines.filter(pk=line_id).select_related("product").first()
    if line is None:
        raise Http404
    if not may_review(line):
        messages.error(request, ONCE_AFTER_DELIVERY)
        return redirect("order-page", token=token)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            write_review(line, score=form.cleaned_data["score"], body=form.cleaned_data["body"])
        except NotAllowed:
            messages.error(request, ONCE_AFTER_DELIVERY)
        except ValidationError as error:
            form.add_error(None, error)
            return render(request, "reviews/write.html", {"form": form, "line": line}, status=400)
        else:
            messages.success(request, THANKS)
        return redirect("order-page", token=token)
    status = 400 if request.method == "POST" else 200
    return render(request, "reviews/write.html", {"form": form, "line": line}, status=status)
