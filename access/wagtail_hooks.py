from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from access.models import CertificationOfficer, TradeOfficer
from access.viewsets import PermissionCheckedViewSet


class TradeOfficerViewSet(PermissionCheckedViewSet):
    model = TradeOfficer
    icon = "user"
    menu_label = _("Cán bộ Sở Công Thương")
    list_display = ["user", "province_code"]
    list_filter = ["province_code"]


class CertificationOfficerViewSet(PermissionCheckedViewSet):
    model = CertificationOfficer
    icon = "user"
    menu_label = _("Cán bộ văn phòng OCOP tỉnh")
    list_display = ["user", "province_code"]
    list_filter = ["province_code"]


class RolesViewSetGroup(SnippetViewSetGroup):
    """Administrators grant and withdraw officer roles here, no shell needed (access.receivers
    keeps the groups in step)."""

    items = (TradeOfficerViewSet, CertificationOfficerViewSet)
    menu_icon = "group"
    menu_label = _("Vai trò cán bộ")
    menu_order = 900


register_snippet(RolesViewSetGroup)
