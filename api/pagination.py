"""The API's one page shape, as django-ninja pagination: count, page, pages, next, previous, results.

A page number past the end answers the last page; the size is bounded by MAX_PAGE_SIZE.
"""

from collections.abc import Callable, Sequence
from math import ceil
from typing import Any

from ninja import Schema
from ninja.pagination import PaginationBase

PAGE_SIZE = 24
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000  # further pages are past any result; a bigger offset overflows the database's


class Shaped:
    """A lazy list of ``items`` that ``shape`` turns into response dicts, one page at a time."""

    def __init__(self, items, shape: Callable[[Any], dict]):
        self.items, self.shape = items, shape

    def count(self) -> int:
        return self.items.count()

    def __getitem__(self, page: slice) -> list[dict]:
        return [self.shape(item) for item in self.items[page]]


def bounded_size(size: int) -> int:
    return max(1, min(size, MAX_PAGE_SIZE))


class PageNumbers(PaginationBase):
    class Input(Schema):
        page: int = 1
        page_size: int = PAGE_SIZE

    class Output(Schema):
        count: int
        page: int
        pages: int
        next: str | None
        previous: str | None
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(self, queryset: Sequence, pagination: Input, request, **params) -> dict:
        size = bounded_size(pagination.page_size)
        count = queryset.count()
        pages = max(1, ceil(count / size))
        number = max(1, min(pagination.page, pages))

        def link(n):
            if not 1 <= n <= pages or n == number:
                return None
            query = request.GET.copy()
            query["page"] = n
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        return {
            "count": count,
            "page": number,
            "pages": pages,
            "next": link(number + 1),
            "previous": link(number - 1),
            "results": queryset[(number - 1) * size : number * size],
        }
