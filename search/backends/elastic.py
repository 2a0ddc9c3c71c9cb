"""Search on Elasticsearch: folded multi-field matching, typo tolerance, facets, the gate at query time.

The listing gate is a filter on the indexed certificate windows against today's date, so a
certificate that expires needs no reindex to drop out; revocations are pushed at once by
search.indexing. The service loads the products of a page through the database gate as well.
"""

from datetime import date

from elasticsearch_dsl import A, Q, Search

from catalogue.certification import MIN_LISTABLE_STARS
from catalogue.models import Certificate
from search import elastic
from search.backends.base import SUGGESTION_LIMIT, FacetCount, SearchQuery, SearchResults, facet_counts

# Name matters most, then producer, then the story, then the rest (description, places, group).
FIELDS = ["name^4", "producer^3", "story^2", "description", "province_name", "commune_name", "group_name"]
SORTS = {
    "stars": [{"stars": {"order": "desc", "missing": "_last"}}],
    "price": [{"price": {"order": "asc", "missing": "_last"}}],
    "-price": [{"price": {"order": "desc", "missing": "_last"}}],
}
NEWEST = [{"created": {"order": "desc"}}, {"product_id": {"order": "desc"}}]
FACET_SIZE = 50


class ElasticsearchBackend:
    name = "elasticsearch"

    def search(self, query: SearchQuery, today: date) -> SearchResults:
        response = self._execute(query, today, fuzzy=False)
        approximate = False
        if query.words and response.hits.total.value == 0:  # a typo? try again, forgiving it
            response, approximate = self._execute(query, today, fuzzy=True), True
        return SearchResults(
            product_ids=[int(hit.meta.id) for hit in response.hits],
            total=response.hits.total.value,
            facets=_facets(response.aggregations) if query.with_facets else {},
            highlights=_highlights(response.hits),
            approximate=approximate,
            backend=self.name,
        )

    def suggest(self, prefix: str, today: date, limit: int = SUGGESTION_LIMIT) -> list[int]:
        if not prefix.strip():
            return []
        # The completion suggester cannot filter by dates: ask for more, the caller gates them.
        completion = {"field": "suggest", "size": limit * 3}
        response = self._search().suggest("products", prefix, completion=completion).execute()
        ids = []
        for option in response.suggest.products[0].options:
            if int(option._id) not in ids:
                ids.append(int(option._id))
        return ids

    def _search(self) -> Search:
        return Search(using=elastic.client(), index=elastic.alias()).source(False)

    def _execute(self, query: SearchQuery, today: date, *, fuzzy: bool):
        search = self._search().filter(gate(today))
        if query.words:
            search = search.query(_matching(query.text, query.words, fuzzy=fuzzy))
        if query.stars:
            search = search.filter(_valid_certificate(today, stars=query.stars))
        if query.group:
            search = search.filter("term", group=query.group)
        if query.province:
            search = search.filter("term", province=query.province)
        if query.category_ids:
            search = search.filter("terms", categories=list(query.category_ids))
        if query.with_facets:
            search = _with_facets(search, today)
        search = search.highlight("name", "description", fragment_size=160, number_of_fragments=1)
        search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
        relevance = ["_score"] if query.sort == "relevance" and query.words else []
        search = search.sort(*SORTS.get(query.sort, relevance), *NEWEST)
        return search.extra(from_=query.offset, size=query.per_page, track_total_hits=True).execute()


def gate(today: date) -> Q:
    """The listing gate as an Elasticsearch filter.

    Elasticsearch cannot run the catalogue's SQL, so this reads what the catalogue computed at
    indexing time (``offered``: catalogue.certification.is_offered) and applies the certificate
    rule (certificate_valid_on_q) to the indexed windows with today's date. Every page of
    results is then loaded through the catalogue's own gate (search.service.in_order).
    """
    return Q("term", offered=True) & _valid_certificate(today)


def _valid_certificate(today: date, stars: int | None = None) -> Q:
    return Q("nested", path="certificates", query=Q("bool", filter=_certificate_valid_on(today, stars)))


def _certificate_valid_on(today: date, stars: int | None = None) -> list[Q]:
    conditions = [
        Q("term", **{"certificates.status": Certificate.Status.ACTIVE}),
        Q("range", **{"certificates.stars": {"gte": MIN_LISTABLE_STARS}}),
        Q("range", **{"certificates.valid_from": {"lte": today}}),
        Q("range", **{"certificates.valid_until": {"gte": today}}),
    ]
    if stars:
        conditions.append(Q("term", **{"certificates.stars": stars}))
    return conditions


def _matching(text: str, words: list[str], *, fuzzy: bool) -> Q:
    """Every word in some field, as in the database backend; fuzzy forgives a typo per word.

    The first letter must be right: "mma" may be "mắm", but "sam" is not "mắm".
    """
    if not fuzzy:
        return Q("multi_match", query=text, type="cross_fields", operator="and", fields=FIELDS)
    return Q(
        "bool",
        must=[
            Q("multi_match", query=word, fields=FIELDS, fuzziness="AUTO", prefix_length=1)
            for word in words
        ],
    )


def _with_facets(search: Search, today: date) -> Search:
    search.aggs.bucket("group", "terms", field="group", size=FACET_SIZE)
    search.aggs.bucket("province", "terms", field="province", size=FACET_SIZE)
    valid_today = A("filter", Q("bool", filter=_certificate_valid_on(today)))
    valid_today.bucket("stars", "terms", field="certificates.stars").bucket("products", "reverse_nested")
    search.aggs.bucket("certificates", "nested", path="certificates").bucket("valid", valid_today)
    return search


def _facets(aggregations) -> dict[str, list[FacetCount]]:
    stars = aggregations.certificates.valid.stars.buckets
    return {
        "stars": facet_counts((bucket.key, bucket.products.doc_count) for bucket in stars),
        "group": facet_counts((bucket.key, bucket.doc_count) for bucket in aggregations.group.buckets),
        "province": facet_counts((bucket.key, bucket.doc_count) for bucket in aggregations.province.buckets),
    }


def _highlights(hits) -> dict[int, str]:
    marked = {}
    for hit in hits:
        fragments = getattr(hit.meta, "highlight", None)
        if fragments and "description" in fragments:
            marked[int(hit.meta.id)] = fragments.description[0]
    return marked
