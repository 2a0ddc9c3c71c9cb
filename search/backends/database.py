"""Search on the database alone (SQLite or PostgreSQL): folded words, the same gate and facets.

The embedded default, and the fallback whenever Elasticsearch is not configured or not reachable.
Listing is decided by the catalogue's gate on the live tables, so this backend can never show a
product that is not listable, whatever state its search entry is in.
"""

from datetime import date

from django.db.models import Case, Count, Exists, F, IntegerField, Min, OuterRef, Q, Subquery, Value, When

from catalogue.certification import certificate_valid_on_q
from catalogue.models import Certificate, Product, ProductCategory
from search.backends.base import SUGGESTION_LIMIT, FacetCount, SearchQuery, SearchResults, facet_counts
from search.documents import plain_text
from search.folding import words
from search.highlight import highlight


class DatabaseBackend:
    name = "database"

    def search(self, query: SearchQuery, today: date) -> SearchResults:
        products = self.matching(query, today)
        page = self.ordered(products, query, today).values_list("pk", flat=True)
        ids = list(page[query.offset : query.offset + query.per_page])
        return SearchResults(
            product_ids=ids,
            total=products.count(),
            facets=self.facets(products, today) if query.with_facets else {},
            highlights=self.highlights(ids, query.words),
            backend=self.name,
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
        products = Product.objects.browsable(today)
        for word in query.words:
            products = products.filter(search_entry__text__contains=f" {word} ")
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
        if query.sort == "stars":
            return products.annotate(stars=_current_stars(today)).order_by("-stars", *newest)
        if query.sort in ("price", "-price"):
            price = F("price")
            order = price.asc(nulls_last=True) if query.sort == "price" else price.desc(nulls_last=True)
            return products.annotate(price=Min("stockrecords__price")).order_by(order, *newest)
        if query.sort == "relevance" and query.words:
            return products.annotate(rank=_rank(query.words)).order_by("-rank", *newest)
        return products.order_by(*newest)

    def facets(self, products, today: date) -> dict[str, list[FacetCount]]:
        matched = products.order_by().values("pk")
        stars = (
            Certificate.objects.filter(certificate_valid_on_q(today), product__in=matched)
            .values_list("stars")
            .annotate(count=Count("product", distinct=True))
        )
        groups = products.order_by().values_list("ocop_group__code").annotate(count=Count("pk"))
        provinces = products.order_by().values_list("origin_province_code").annotate(count=Count("pk"))
        return {
            "stars": facet_counts(stars),
            "group": facet_counts(groups),
            "province": facet_counts(provinces),
        }

    def highlights(self, ids: list[int], query_words: list[str]) -> dict[int, str]:
        if not query_words or not ids:
            return {}
        texts = Product.objects.filter(pk__in=ids).values_list("pk", "description")
        marked = {pk: highlight(plain_text(description), query_words) for pk, description in texts}
        return {pk: html for pk, html in marked.items() if html}


def _current_stars(today: date):
    valid = Certificate.objects.filter(certificate_valid_on_q(today), product=OuterRef("pk"))
    return Subquery(valid.order_by("-valid_from").values("stars")[:1])


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
