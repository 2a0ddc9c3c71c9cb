"""The interface both search backends answer: a query in, product ids, counts and facets out."""

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from search.folding import words

SUGGESTION_LIMIT = 8


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    stars: int | None = None
    group: str = ""  # product group code
    province: int | None = None
    category_ids: tuple[int, ...] = ()  # any of these (a category and its descendants)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 24
    with_facets: bool = True

    @property
    def words(self) -> list[str]:
        return words(self.text)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass
class SearchResults:
    product_ids: list[int]  # the requested page, in order
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)  # stars, group, province
    highlights: dict[int, str] = field(default_factory=dict)  # product id -> safe HTML with <mark>
    approximate: bool = False  # no exact match: these are typo-tolerant matches
    backend: str = ""
    # The ids passed the listing gate on the rows as they are now: the database backend's answers
    # are kept under the listing clock, which every input of the gate moves. An index that can
    # lag (Elasticsearch) leaves it False, and its ids go through the gate again.
    gated: bool = False


def facet_counts(pairs) -> list[FacetCount]:
    """(value, count) pairs as facets, most frequent first; a missing value is no facet."""
    counts = [FacetCount(str(value), count) for value, count in pairs if value not in (None, "")]
    return sorted(counts, key=lambda facet: (-facet.count, facet.value))


class SearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery, today: date) -> SearchResults: ...

    def suggest(self, prefix: str, today: date, limit: int = SUGGESTION_LIMIT) -> list[int]: ...
