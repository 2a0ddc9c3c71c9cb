"""Wagtail snippet views scoped to a trade officer's province (storefront.roles decides).

Wagtail's generic EditView checks model-level permissions only (wagtail/admin/views/generic/
models.py, EditView), so the per-object check is added here: another province's object is 403.
"""

from types import SimpleNamespace

from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views import snippets

from storefront.roles import can_manage, managed

OTHER_PROVINCE = _("Bạn chỉ quản lý được dữ liệu của tỉnh/thành phố mình.")


class ScopedIndexView(snippets.IndexView):
    def get_base_queryset(self):
        return managed(self.request.user, super().get_base_queryset())


class ObjectCheckMixin:
    """Answer 403 for another province's object (raising PermissionDenied would make Wagtail
    redirect to the dashboard instead: wagtail/admin/auth.py, permission_denied)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_manage(request.user, self.object):
            return HttpResponseForbidden(OTHER_PROVINCE)
        return super().dispatch(request, *args, **kwargs)


class FormProvinceMixin:
    """Refuse saving an object into a province the user does not manage (a form error)."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        user, clean = self.request.user, form.clean

        def clean_province():
            cleaned = clean()
            province = form.cleaned_data.get("province_code")
            if province is not None and not can_manage(user, SimpleNamespace(province_code=province)):
                form.add_error("province_code", OTHER_PROVINCE)
            return cleaned

        form.clean = clean_province
        return form


class ScopedCreateView(FormProvinceMixin, snippets.CreateView):
    pass


class ScopedEditView(ObjectCheckMixin, FormProvinceMixin, snippets.EditView):
    pass


class ScopedDeleteView(ObjectCheckMixin, snippets.DeleteView):
    pass


class ProvinceScopedViewSet(snippets.SnippetViewSet):
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
