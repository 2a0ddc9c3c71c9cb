"""Wagtail snippet views scoped to a trade officer's province (access.rules decides).

Wagtail's generic EditView checks model-level permissions only (wagtail/admin/views/generic/
models.py, EditView), so the per-object check is added here: another province's object is 403.
The same holds for its history, usage and copy views; bulk actions ask the model's permission
policy per object (wagtail/snippets/bulk_actions/delete.py, check_perm), and the snippet chooser
lists every row to anyone with admin access (wagtail/admin/views/generic/chooser.py).
"""

from types import SimpleNamespace

from django import forms
from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser, snippets

from access.rules import can_manage, managed, own_objects

OTHER_PROVINCE = _("Bạn chỉ quản lý được dữ liệu của tỉnh/thành phố mình.")
OTHER_PRODUCER = _("Bạn chỉ quản lý được dữ liệu của cơ sở mình.")


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


class ScopedCopyView(ObjectCheckMixin, FormProvinceMixin, snippets.CopyView):
    pass


class ScopedHistoryView(ObjectCheckMixin, snippets.HistoryView):
    pass


class ScopedUsageView(ObjectCheckMixin, snippets.UsageView):
    pass


class ProvincePermissionPolicy(ModelPermissionPolicy):
    """The model permission, and for one object also its province (bulk actions ask per object)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and can_manage(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return managed(user, super().instances_user_has_permission_for(user, action))


def scoped_chooser_viewset(scope):
    """A snippet chooser that lists and returns only the rows ``scope(user, queryset)`` keeps."""

    class ChooseView(chooser.ChooseView):
        def get_object_list(self):
            return scope(self.request.user, super().get_object_list())

    class ChooseResultsView(chooser.ChooseResultsView):
        def get_object_list(self):
            return scope(self.request.user, super().get_object_list())

    class ChosenView(chooser.SnippetChosenView):
        def get_object(self, pk):
            return scope(self.request.user, self.model_class.objects.filter(pk=pk)).get()

    class ChosenMultipleView(chooser.SnippetChosenMultipleView):
        def get_objects(self, pks):
            return scope(self.request.user, super().get_objects(pks))

    return type("ScopedChooserViewSet", (chooser.SnippetChooserViewSet,), {
        "choose_view_class": ChooseView, "choose_results_view_class": ChooseResultsView,
        "chosen_view_class": ChosenView, "chosen_multiple_view_class": ChosenMultipleView,
    })


def with_model_permission(user, queryset):
    """All rows for users holding any permission on the model, none for anyone else."""
    meta = queryset.model._meta
    actions = ("add", "change", "delete", "view")
    if any(user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}") for action in actions):
        return queryset
    return queryset.none()


class PermissionCheckedViewSet(snippets.SnippetViewSet):
    """A snippet viewset whose chooser is closed to users without a permission on the model."""

    chooser_viewset_class = scoped_chooser_viewset(with_model_permission)


class ProvinceScopedViewSet(snippets.SnippetViewSet):
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    chooser_viewset_class = scoped_chooser_viewset(managed)


def producer_scoped_viewset(producer_path: str, owned_fields: dict[str, str]):
    """The base of a snippet viewset over producers' own rows (areas, lots, events).

    ``producer_path`` leads from the model to its producer (access.rules.own_objects).
    ``owned_fields`` maps each form field naming another row to the path from that row to its
    producer: its choices keep to the user's own rows (a plain select, not Wagtail's chooser,
    which would list every producer's), so a crafted POST naming another producer's row is a
    form error and changes nothing. Any other producer's row answers 403.
    """

    def scope(user, queryset):
        return own_objects(user, queryset, producer_path)

    def owns(user, instance):
        return scope(user, type(instance)._default_manager.filter(pk=instance.pk)).exists()

    class IndexView(snippets.IndexView):
        def get_base_queryset(self):
            return scope(self.request.user, super().get_base_queryset())

    class OwnObjectMixin:
        def dispatch(self, request, *args, **kwargs):
            if not owns(request.user, self.object):
                return HttpResponseForbidden(OTHER_PRODUCER)
            return super().dispatch(request, *args, **kwargs)

    class OwnChoicesMixin:
        def get_form(self, *args, **kwargs):
            form = super().get_form(*args, **kwargs)
            for name, path in owned_fields.items():
                field = form.fields.get(name)
                if field is None:
                    continue
                multiple = isinstance(field, forms.ModelMultipleChoiceField)
                field.widget = forms.CheckboxSelectMultiple() if multiple else forms.Select()
                field.queryset = own_objects(self.request.user, field.queryset, path)
            return form

    class PermissionPolicy(ModelPermissionPolicy):
        def user_has_permission_for_instance(self, user, action, instance):
            return super().user_has_permission_for_instance(user, action, instance) and owns(user, instance)

        def instances_user_has_permission_for(self, user, action):
            return scope(user, super().instances_user_has_permission_for(user, action))

    views = {
        "index_view_class": IndexView,
        "add_view_class": type("CreateView", (OwnChoicesMixin, snippets.CreateView), {}),
        "edit_view_class": type("EditView", (OwnObjectMixin, OwnChoicesMixin, snippets.EditView), {}),
        "delete_view_class": type("DeleteView", (OwnObjectMixin, snippets.DeleteView), {}),
        "copy_view_class": type("CopyView", (OwnObjectMixin, OwnChoicesMixin, snippets.CopyView), {}),
        "history_view_class": type("HistoryView", (OwnObjectMixin, snippets.HistoryView), {}),
        "usage_view_class": type("UsageView", (OwnObjectMixin, snippets.UsageView), {}),
        "inspect_view_class": type("InspectView", (OwnObjectMixin, snippets.InspectView), {}),
        "chooser_viewset_class": scoped_chooser_viewset(scope),
    }

    # Bulk actions ask the model's registered policy: register owner_policy(model) for it.
    views["owner_policy"] = PermissionPolicy
    return type("ProducerScopedViewSet", (snippets.SnippetViewSet,), views)


class RuleMenuItem(MenuItem):
    """A /cms/ menu item shown to the users ``shown_to(user)`` lets in (a rule of access.rules)."""

    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)
