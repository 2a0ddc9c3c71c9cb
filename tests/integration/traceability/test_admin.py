import pytest

from tests.factories import StampFactory

pytestmark = pytest.mark.django_db


def test_officers_see_flagged_serials_only(admin_client, settings):
    settings.SCAN_WARNING_COUNT = 20
    copied = StampFactory(scan_count=57, client_count=31)
    normal = StampFactory(scan_count=2, client_count=1)

    page = admin_client.get("/cms/snippets/traceability/stamp/").content.decode()

    assert copied.serial in page and normal.serial not in page


def test_areas_and_lots_are_listed_in_the_admin(admin_client):
    stamp = StampFactory()

    lots = admin_client.get("/cms/snippets/traceability/lot/").content.decode()

    assert stamp.lot.code in lots
    assert admin_client.get("/cms/snippets/traceability/rawmaterialarea/").status_code == 200
