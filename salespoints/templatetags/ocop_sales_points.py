"""Sales points for the pages of other packages (the product page), without importing salespoints."""

from django import template

from salespoints.selectors import sales_points_stocking

register = template.Library()
register.simple_tag(sales_points_stocking, name="sales_points_stocking")
