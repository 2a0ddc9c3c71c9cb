import pytest

from tests.factories import LotFactory, ProductFactory
from traceability.models import Stamp

pytestmark = pytest.mark.django_db


def test_producer_generates_stamps_for_its_own_lot_and_sees_only_its_lots(client, producer_user):
    own = LotFactory(product=ProductFactory())
    own.product.producer.partner.users.add(producer_user)
    other = LotFactory(product=ProductFactory())
    client.force_login(producer_user)

    page = client.get("/cms/ocop/stamps/").content.decode()
    client.post("/cms/ocop/stamps/", {"lot": own.pk, "count": 25})

    assert own.code in page and other.code not in page
    assert Stamp.objects.filter(lot=own).count() == 25


def test_producer_cannot_generate_stamps_for_another_producers_lot(client, producer_user):
    ProductFactory().producer.partner.users.add(producer_user)
    other = LotFactory(product=ProductFactory())
    client.force_login(producer_user)

    response = client.post("/cms/ocop/stamps/", {"lot": other.pk, "count": 5})

    assert response.status_code == 404
    assert not Stamp.objects.filter(lot=other).exists()


@pytest.mark.parametrize("count", [-3, 0, 10_001, "mười"])
def test_a_bad_count_says_why_and_creates_nothing(client, producer_user, count):
    lot = LotFactory(product=ProductFactory())
    lot.product.producer.partner.users.add(producer_user)
    client.force_login(producer_user)

    page = client.post("/cms/ocop/stamps/", {"lot": lot.pk, "count": count}, follow=True).content.decode()

    assert "Số tem phải từ 1 đến 10000." in page
    assert not Stamp.objects.exists()
