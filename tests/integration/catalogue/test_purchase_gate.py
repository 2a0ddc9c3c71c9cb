"""The purchase strategy refuses what the listing gate refuses, at basket add and at checkout."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from catalogue.models import Certificate
from catalogue.partner.strategy import NOT_LISTABLE_MESSAGE, Selector
from catalogue.selectors import products_for_cards
from tests.checkout import add_to_basket, fill_guest_checkout
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
PaymentDetailsView = get_class("checkout.views", "PaymentDetailsView")


def _basket_lines(response):
    return response.context["request"].basket.num_lines


@pytest.mark.parametrize("trait", ["expired", "revoked", "superseded"])
def test_basket_refuses_a_product_that_is_not_listable(client, trait):
    product = ProductFactory(certificate=None)
    CertificateFactory(product=product, **{trait: True})

    response = add_to_basket(client, product)

    assert _basket_lines(response) == 0
    assert str(NOT_LISTABLE_MESSAGE) in response.content.decode()


def test_basket_accepts_a_listable_product(client):
    response = add_to_basket(client, ProductFactory())
    assert _basket_lines(response) == 1



def test_a_listable_product_in_the_basket_can_be_ordered(client):
    add_to_basket(client, ProductFactory())
    fill_guest_checkout(client)

    client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)

    assert Order.objects.count() == 1


def test_a_product_revoked_while_in_the_basket_cannot_be_ordered(client):
    product = ProductFactory()
    add_to_basket(client, product)
    fill_guest_checkout(client)
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-01", revocation_decision_number="9/QĐ"
    )

    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)

    assert Order.objects.count() == 0
    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    assert str(NOT_LISTABLE_MESSAGE) in response.content.decode()


def _revoke(product):
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-01", revocation_decision_number="9/QĐ"
    )


def test_basket_page_shows_a_line_revoked_since_it_was_added_as_unavailable(client):
    product = ProductFactory()
    add_to_basket(client, product)
    _revoke(product)

    page = client.get(reverse("basket:summary")).content.decode()

    assert str(NOT_LISTABLE_MESSAGE) in page
    assert 'class="availability not_listable"' in page


def test_order_placement_rechecks_a_revocation_committed_after_the_basket_check(client, monkeypatch):
    """The pre-condition ran at the start of the request; the revocation lands during payment."""
    product = ProductFactory()
    add_to_basket(client, product)
    fill_guest_checkout(client)
    monkeypatch.setattr(PaymentDetailsView, "handle_payment", lambda view, *args, **kwargs: _revoke(product))

    response = client.post(reverse("checkout:preview"), {"action": "place_order"})

    assert Order.objects.count() == 0
    assert str(NOT_LISTABLE_MESSAGE) in response.content.decode()
    assert Basket.objects.get().status == Basket.OPEN  # thawed, the customer can fix it


def test_prices_are_vnd_with_vat_included_and_totals_exact_to_the_dong(client):
    product = ProductFactory(stockrecords__price=Decimal("33333"))
    price = Selector().strategy().fetch_for_product(product).price
    assert (price.currency, price.excl_tax, price.incl_tax, price.tax) == (
        "VND",
        Decimal("33333"),
        Decimal("33333"),
        Decimal("0"),
    )

    response = add_to_basket(client, product, quantity=3)

    assert response.context["request"].basket.total_incl_tax == Decimal("99999")


def test_strategy_runs_no_query_per_product_when_certificates_are_prefetched(django_assert_num_queries):
    ProductFactory.create_batch(5)
    products = list(products_for_cards())
    strategy = Selector().strategy()

    with django_assert_num_queries(0):
        for product in products:
            assert strategy.fetch_for_product(product).availability.is_available_to_buy
