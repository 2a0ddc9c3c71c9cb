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
from search.terms import Term, Terms, parse
from search.vocabulary import LISTING_CLOCK, vocabulary

RESULTS_CACHE_SECONDS = 600  # only bounds memory: a change moves the clocks in the key
PRICES_CLOCK = "clock:prices"
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
        """Products matching every term; when none does, those matching some, best first."""
        terms = parse(query.text, vocabulary)
        every = True
        products = self.matching(query, today, terms)
        if terms and not products.exists():
            every = False
            products = self.matching(query, today, terms, every=False)
        page = self.ordered(products, query, today, terms).values_list("pk", flat=True)
        ids = list(page[query.offset : query.offset + query.per_page])
        if query.with_facets:
            total, facets = self.cached_count_with_facets(products, query, today, clocks, every)
        else:
            total, facets = products.count(), {}
        return SearchResults(
            product_ids=ids,
            total=total,
            facets=facets,
            highlights=self.highlights(ids, terms.words),
            approximate=terms.corrected or not every,
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

    def matching(self, query: SearchQuery, today: date, terms: Terms, *, every: bool = True):
        products = _with_terms(Product.objects.browsable(today), terms, every=every)
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

    def ordered(self, products, query: SearchQuery, today: date, terms: Terms):
        newest = ("-date_created", "-pk")
        if query.sort == "stars":  # joined to the certificate valid today (one per product)
            valid = products.filter(certificate_valid_on_q(today, prefix="certificates__"))
            return valid.order_by("-certificates__stars", *newest)
        if query.sort in PRICE_SORTS:
            price = F("price")
            order = price.asc(nulls_last=True) if query.sort == "price" else price.desc(nulls_last=True)
            by_product = products.values("pk", "date_created")  # group by the product only
            return by_product.annotate(price=Min("stockrecords__price")).order_by(order, *newest)
        if query.sort == "relevance" and terms:
            return products.annotate(rank=_rank(terms)).order_by("-rank", *newest)
        return products.order_by(*newest)

    def cached_count_with_facets(self, products, query: SearchQuery, today: date, clocks: dict, every: bool):
        """Counts and facets depend on the words and filters only, not on the page or the order:
        every page and order of one search shares them."""
        matching = (tuple(query.words), every, query.stars, query.group, query.province, query.category_ids)
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


def _with_terms(products, terms: Terms, *, every: bool):
    """Products whose entry matches every term (or, not ``every``, at least one)."""
    if not terms:
        return products
    if connection.vendor == "postgresql":  # the same match on the indexed tsvector of migration 0002
        joined = (" & " if every else " | ").join(_tsquery(term) for term in terms)
        matches = RawSQL("words @@ to_tsquery('simple', %s)", [joined], BooleanField())
        return products.filter(pk__in=ProductSearchEntry.objects.filter(matches).values("product_id"))
    conditions = [_term_in("text", term) for term in terms]
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition if every else combined | condition
    return products.filter(combined)


def _tsquery(term: Term) -> str:
    """A term as tsquery text: its forms as phrases, or-ed; folded words hold only [0-9a-z]."""
    alternatives = [" <-> ".join(form.split()) for form in term.forms]
    if term.prefix:
        alternatives.append(f"{term.prefix}:*")
    return "(" + " | ".join(alternatives) + ")"


def _term_in(field: str, term: Term) -> Q:
    """The term in one of the entry's space-padded fields: a form as whole words, or a word
    beginning with the prefix."""
    condition = Q()
    for form in term.forms:
        condition |= Q(**{f"search_entry__{field}__contains": f" {form} "})
    if term.prefix:
        condition |= Q(**{f"search_entry__{field}__contains": f" {term.prefix}"})
    return condition


def _rank(terms: Terms):
    """Each term found in the name counts most, then in the producer, then anywhere (the
    description, story and places): products matching more terms, and in their names, come first."""
    points = [
        Case(
            When(_term_in("name", term), then=Value(3)),
            When(_term_in("producer", term), then=Value(2)),
            When(_term_in("text", term), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for term in terms
    ]
    return sum(points[1:], points[0])
