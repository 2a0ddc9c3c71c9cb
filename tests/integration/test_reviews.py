"""Buyers' reviews: only after delivery, once per order line, public once a province officer approves."""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from access.grants import add_officer
from checkout.tracking import order_page_path, order_token
from tests.checkout import add_to_basket, fill_guest_checkout, place_order
from tests.factories import ProducerFactory, ProductFactory

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")


@pytest.fixture
def product():
    return ProductFactory(title="Mắm tôm chua", producer=ProducerFactory(province_code=46))


@pytest.fixture
def order(client, product):
    add_to_basket(client, product)
    fill_guest_checkout(client)
    place_order(client)
    return Order.objects.get()


def _review_url(order, line):
    return reverse("review-write", kwargs={"token": order_token(order), "line_id": line.pk})


def _write(client, order, line, score=5, body="Mắm thơm, chua dịu, đóng gói cẩn thận."):
    return client.post(_review_url(order, line), {"score": score, "body": body})


def _officer(django_user_model, province, name):
    user = django_user_model.objects.create_user(name, f"{name}@example.vn", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    add_officer(user, province)
    client = Client()
    client.force_login(user)
    return client


def test_no_review_before_the_line_is_delivered(client, order):
    line = order.lines.get()
    _write(client, order, line)
    assert ProductReview.objects.count() == 0
    assert "Đánh giá sản phẩm đã nhận" not in client.get(order_page_path(order)).content.decode()


def test_a_delivered_line_is_reviewed_once_public_once_approved(client, order, product, django_user_model):
    line = order.lines.get()
    line.set_status("Đã giao")
    assert "Đánh giá sản phẩm đã nhận" in client.get(order_page_path(order)).content.decode()

    _write(client, order, line, score=4)
    _write(client, order, line, score=1, body="Lần thứ hai, không được nhận.")
    review = ProductReview.objects.get()
    assert review.score == 4 and review.order_line == line and review.status == ProductReview.FOR_MODERATION
    assert "Đánh giá của người mua" not in client.get(product.get_absolute_url()).content.decode()

    officer = _officer(django_user_model, 46, "can-bo-hue")
    officer.post(reverse("ocop_reviews"), {"review": review.pk, "decision": "approve"})
    review.refresh_from_db()
    product.refresh_from_db()
    assert review.status == ProductReview.APPROVED and review.moderated_by.username == "can-bo-hue"
    assert product.rating == 4.0

    page = client.get(product.get_absolute_url()).content.decode()
    assert "Đánh giá của người mua" in page and "Mắm thơm" in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    ld = [json.loads(block) for block in blocks]
    rating = next(item["aggregateRating"] for item in ld if item.get("@type") == "Product")
    assert rating == {"@type": "AggregateRating", "ratingValue": 4.0, "reviewCount": 1,
                      "bestRating": 5, "worstRating": 1}


def test_no_aggregate_rating_without_reviews(client, product):
    assert "aggregateRating" not in client.get(product.get_absolute_url()).content.decode()


def test_an_officer_of_another_province_neither_sees_nor_decides_it(client, order, django_user_model):
    line = order.lines.get()
    line.set_status("Đã giao")
    _write(client, order, line)
    review = ProductReview.objects.get()

    other = _officer(django_user_model, 1, "can-bo-ha-noi")
    assert "Mắm thơm" not in other.get(reverse("ocop_reviews")).content.decode()
    other.post(reverse("ocop_reviews"), {"review": review.pk, "decision": "approve"})
    review.refresh_from_db()
    assert review.status == ProductReview.FOR_MODERATION


@pytest.mark.parametrize(("score", "body"), [
    (0, "Một nhận xét đủ dài."), (6, "Một nhận xét đủ dài."), ("x", "Đủ dài rồi."),
    (5, "ngắn"), (5, "x" * 2001),
])
def test_a_bad_review_is_refused_with_its_text_kept(client, order, score, body):
    line = order.lines.get()
    line.set_status("Đã giao")
    response = _write(client, order, line, score=score, body=body)
    assert response.status_code == 400
    assert ProductReview.objects.count() == 0
    if len(body) < 100:
        assert body in response.content.decode()


def test_a_forged_link_or_another_orders_line_is_not_found(client, order, product):
    line = order.lines.get()
    line.set_status("Đã giao")
    bad = reverse("review-write", kwargs={"token": "gia-mao", "line_id": line.pk})
    assert client.post(bad, {"score": 5, "body": "Một nhận xét đủ dài."}).status_code == 404
    other_line = reverse("review-write", kwargs={"token": order_token(order), "line_id": 999999})
    assert client.get(other_line).status_code == 404
    assert ProductReview.objects.count() == 0
