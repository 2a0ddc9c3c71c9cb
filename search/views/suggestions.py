from django.http import JsonResponse
from django.views.decorators.http import require_GET

from search.service import suggest_products

MAX_PREFIX = 100


@require_GET
def suggestions(request):
    """Product names for the search box as the shopper types: listable products only."""
    prefix = request.GET.get("q", "")[:MAX_PREFIX]
    products = suggest_products(prefix) if prefix.strip() else []
    return JsonResponse(
        {"suggestions": [{"name": p.get_title(), "url": p.get_absolute_url()} for p in products]}
    )
