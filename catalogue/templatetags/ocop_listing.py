"""The listing gate's verdict as text, for any page that has a ``listing`` (ListingStatus)."""

from django import template

from catalogue.selectors import listing_status_message

register = template.Library()


@register.filter
def listing_message(listing):
    """{{ listing|listing_message }}: the sentence computed in Python by listing_status_message."""
    return listing_status_message(listing) if listing else ""
