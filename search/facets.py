"""Facet counts turned into links a shopper can click (no JavaScript needed)."""

from dataclasses import dataclass

import places
from catalogue.models import ProductGroup
from search.backends.base import FacetCount

FACET_PARAMETERS = ("stars", "group", "province")


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    url: str
    selected: bool


def facet_links(request, facets: dict[str, list[FacetCount]]) -> dict[str, list[FacetLink]]:
    labels = {
        "stars": lambda value: f"{value}★",
        "group": _group_labels().get,
        "province": lambda value: places.province_name(int(value)),
    }
    links = {}
    for name in FACET_PARAMETERS:
        chosen = request.GET.get(name, "")
        links[name] = [
            FacetLink(labels[name](facet.value) or facet.value, facet.count,
                      _toggle_url(request, name, facet.value, chosen), facet.value == chosen)
            for facet in facets.get(name, [])
        ]
    return links


def facets_shown(request) -> tuple:
    """What the facet links depend on besides the search's answer: the list and its filters, any
    other parameter (the links keep it) but the page."""
    return (request.path, tuple(sorted((k, tuple(v)) for k, v in request.GET.lists() if k != "page")))


def _group_labels() -> dict[str, str]:
    return {group.code: group.name for group in ProductGroup.objects.all()}  # in the page's language


def _toggle_url(request, name: str, value: str, chosen: str) -> str:
    """The current list with this facet value chosen, or left out when it already is."""
    query = request.GET.copy()
    query.pop("page", None)
    if value == chosen:
        query.pop(name, None)
    else:
        query[name] = value
    return f"?{query.urlencode()}"
