"""Search on the database alone (SQLite or PostgreSQL): folded words, the same gate and facets.

The embedded default, and the fallback whenever Elasticsearch is not configured or not reachable.
Listing is decided by the catalogue's gate on the live tables, so this backend can never show a
product that is not listable, whatever state its search entry is in.
"""

import hashlib
from collections import Counter
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

from catalogue.certification import certificate_valid_on_q
from catalogue.models import Product, ProductCategory
from formats import plain_text
from pagecache import freshness
from search.backends.base import SUGGESTION_LIMIT, FacetCount, SearchQuery, SearchResults, facet_counts
from search.folding import words
from search.highlight import highlight
from search.models import ProductSearchEntry

RESULTS_CACHE_SECONDS = 600  # only bounds memory: a change moves the clocks in the key
LISTING_CLOCK, PRICES_CLOCK = "clock:listing", "clock:prices"
LIST_CLOCKS = (LISTING_CLOCK, PRICES_CLOCK)
PRICE_SORTS = ("price", "-price")


class DatabaseBackend:
    name = "database"

    def search(self, query: SearchQuery, today: date) -> SearchResults:
        """The answer kept under the versions of the lists (pagecache.freshness), read before the
        rows: a product's stock or an order leaves it kept, a change of what lists show moves them."""
        clocks = freshness.clocks_now(LIST_CLOCKS if query.sort in PRICE_SORTS else LIST_CLOCKS[:1])
        key = _key("search:page", query, today, clocks)
        return cache.get_or_set(key, lambda: self._search(query, today, clocks), RESULTS_CACHE_SECONDS)

    def _search(self, query: SearchQuery, today: date, clocks: dict) -> SearchResults:
        products = self.matching(query, today)
        page = self.ordered(products, query, today).values_list("pk", flat=True)
        ids = list(page[query.offset : query.offset + query.per_page])
        if query.with_facets:
            total, facets = self.cached_count_with_facets(products, query, today, clocks)
        else:
            total, facets = products.count(), {}
        return SearchResults(
            product_ids=ids,
            total=total,
            facets=facets,
            highlights=self.highlights(ids, query.words),
            backend=self.name,
            gated=True,
        )

    def suggest(self, prefix: str, today: date, limit: int = SUGGESTION_LIMIT) -> list[int]:
        """Names with the typed words in a row from any word on, the last one possibly unfinished."""
        prefix_words = words(prefix)
        if not prefix_words:
            return []
        products = Product.objects.browsable(today).filter(
            search_entry__name__contains=" " + " ".join(prefix_words)
        )
        return list(products.order_by("title", "pk").values_list("pk", flat=True)[:limit])

    def matching(self, query: SearchQuery, today: date):
        products = _with_words(Product.objects.browsable(today), query.words)
        if query.stars:
            products = products.with_stars(query.stars, today)
        if query.group:
            products = products.filter(ocop_group__code=query.group)
        if query.province:
            products = products.filter(origin_province_code=query.province)
        if query.category_ids:
            in_categories = ProductCategory.objects.filter(
                product=OuterRef("pk"), category__in=query.category_ids
            )
            products = products.filter(Exists(in_categories))
        return products

    def ordered(self, products, query: SearchQuery, today: date):
        newest = ("-date_created", "-pk")
        if query.sort == "stars":  # joined to the certificate valid today (one per product)
            valid = products.filter(certificate_valid_on_q(today, prefix="certificates__"))
            return valid.order_by("-certificates__stars", *newest)
        if query.sort in PRICE_SORTS:
            price = F("price")
            order = price.asc(nulls_last=True) if query.sort == "price" else price.desc(nulls_last=True)
            by_product = products.values("pk", "date_created")  # group by the product only
            return by_product.annotate(price=Min("stockrecords__price")).order_by(order, *newest)
        if query.sort == "relevance" and query.words:
            return products.annotate(rank=_rank(query.words)).order_by("-rank", *newest)
        return products.order_by(*newest)

    def cached_count_with_facets(self, products, query: SearchQuery, today: date, clocks: dict):
        """Counts and facets depend on the words and filters only, not on the page or the order:
        every page and order of one search shares them."""
        matching = (tuple(query.words), query.stars, query.group, query.province, query.category_ids)
        key = _key("search:facets", matching, today, {LISTING_CLOCK: clocks.get(LISTING_CLOCK)})
        return cache.get_or_set(key, lambda: self.count_with_facets(products, today), RESULTS_CACHE_SECONDS)

    def count_with_facets(self, products, today: date) -> tuple[int, dict[str, list[FacetCount]]]:
        """The number of matches and the facet counts, from one grouped pass over the matches.

        Stars come from joining the certificate valid today; a product holds one at a time
        (a renewal supersedes the certificate it renews).
        """
        cells = (
            products.order_by()
            .filter(certificate_valid_on_q(today, prefix="certificates__"))
            .values_list("ocop_group__code", "origin_province_code", "certificates__stars")
            .annotate(count=Count("pk"))
        )
        totals = {"group": Counter(), "province": Counter(), "stars": Counter()}
        for group, province, stars, count in cells:
            totals["group"][group] += count
            totals["province"][province] += count
            totals["stars"][stars] += count
        return sum(totals["stars"].values()), {name: facet_counts(c.items()) for name, c in totals.items()}

    def highlights(self, ids: list[int], query_words: list[str]) -> dict[int, str]:
        if not query_words or not ids:
            return {}
        texts = Product.objects.filter(pk__in=ids).values_list("pk", "description")
        marked = {pk: highlight(plain_text(description), query_words) for pk, description in texts}
        return {pk: html for pk, html in marked.items() if html}


def _key(kind: str, asked, today: date, clocks: dict) -> str:
    digest = hashlib.sha256(repr((asked, today, sorted(clocks.items()))).encode()).hexdigest()[:32]
    return f"{kind}:{digest}"


def _with_words(products, query_words: list[str]):
    """Products whose entry holds every word (whole words, already folded)."""
    if not query_words:
        return products
    if connection.vendor == "postgresql":  # the same match on the indexed tsvector of migration 0002
        all_words = RawSQL("words @@ plainto_tsquery('simple', %s)", [" ".join(query_words)], BooleanField())
        return products.filter(pk__in=ProductSearchEntry.objects.filter(all_words).values("product_id"))
    for word in query_words:
        products = products.filter(search_entry__text__contains=f" {word} ")
    return products


def _rank(query_words: list[str]):
    """Name matches first, then producer matches, then the rest (matches in descriptions)."""

    def all_in(field):
        return Q(*[Q(**{f"search_entry__{field}__contains": f" {word} "}) for word in query_words])

    return Case(
        When(all_in("name"), then=Value(2)),
        When(all_in("producer"), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
