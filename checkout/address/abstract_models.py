"""An address in Vietnam since the 07/2025 reform: street, commune and province, no district.

Province and commune are kept as codes of the places data (shipping, pickup and reports read
them); the names an order, an email or the dashboard shows come from that data. Addresses
written before the codes keep their names in Oscar's ``state`` and ``line4``, shown as they were.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

import places


class CodedAddress(models.Model):
    province_code = models.PositiveSmallIntegerField(
        _("tỉnh/thành phố"), null=True, blank=True, choices=places.province_choices
    )
    commune_code = models.PositiveIntegerField(_("xã/phường/đặc khu"), null=True, blank=True)

    # Oscar composes the summary, the emails' address block and the address hash from these names.
    base_fields = hash_fields = [
        "salutation", "line1", "line2", "line3", "commune_name", "line4", "province_name", "state",
        "postcode", "country",
    ]

    class Meta:
        abstract = True

    @property
    def province_name(self) -> str:
        return places.province_name(self.province_code)

    @property
    def commune_name(self) -> str:
        return places.commune_name(self.commune_code)


def fill_codes_from_names(addresses) -> None:
    """Give addresses written with names (Oscar's state and line4) their codes (a data migration).

    A name the places data does not know stays where it was, and is shown as it was.
    """
    for address in addresses.filter(province_code__isnull=True).exclude(state=""):
        address.province_code = places.parse_province(address.state)
        if address.province_code is None:
            continue
        address.state = ""
        address.commune_code = places.parse_commune(address.line4, address.province_code)
        if address.commune_code is not None:
            address.line4 = ""
        address.save(update_fields=["province_code", "state", "commune_code", "line4"])
