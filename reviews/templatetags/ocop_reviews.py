from django import template

from reviews.rules import approved_reviews, rating_of, reviewable_lines

register = template.Library()


@register.simple_tag
def lines_to_review(order):
    return reviewable_lines(order)


@register.inclusion_tag("reviews/product_reviews.html")
def product_reviews(product):
    return {"rating": rating_of(product), "reviews": approved_reviews(product)[:20]}
