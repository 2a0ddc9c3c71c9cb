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
from search.terms import Term, Terms, parse
from search.vocabulary import vocabulary

# Where a term scores: its name, its producer, anywhere (the database backend's entry fields).
POINTS = ((["name"], 3), (["producer"], 2), (["text"], 1))
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
        """Products matching every term; when none does, those matching some, forgiving typos,
        best first (the database backend forgives the same way: search.terms)."""
        terms = parse(query.text, vocabulary)
        response = self._execute(query, today, terms, every=True)
        approximate = terms.corrected
        if terms and response.hits.total.value == 0:
            response, approximate = self._execute(query, today, terms, every=False), True
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

    def _execute(self, query: SearchQuery, today: date, terms: Terms, *, every: bool):
        search = self._search().filter(gate(today))
        if terms:
            search = search.query(_matching(terms, every=every))
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
        # The words are matched in the combined ``text`` field; mark them where they stand.
        search = search.highlight_options(
            pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", require_field_match=False
        )
        relevance = ["_score"] if query.sort == "relevance" and terms else []
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


def _matching(terms: Terms, *, every: bool) -> Q:
    """Every term (``every``), else at least one, forgiving a typo per word."""
    clauses = [_term_points(term, fuzzy=not every) for term in terms]
    if every:
        return Q("bool", must=clauses)
    return Q("bool", should=clauses, minimum_should_match=1)


def _term_points(term: Term, *, fuzzy: bool) -> Q:
    """A term scores 3 found in the name, 2 in the producer, 1 anywhere else, as in the database
    backend: the sum ranks products matching more terms, and in their names, first."""
    return Q("dis_max", queries=[
        Q("constant_score", filter=_term_in(term, fields, fuzzy=fuzzy), boost=points)
        for fields, points in POINTS
    ])


def _term_in(term: Term, fields: list[str], *, fuzzy: bool) -> Q:
    """A term's forms as phrases, its prefix as the start of a word; fuzzy forgives one typo per
    word with the first letter right ("mma" may be "mắm", "sam" is not "mắm")."""
    forms = [Q("multi_match", query=form, type="phrase", fields=fields) for form in term.forms]
    if term.prefix:
        forms.append(Q("multi_match", query=term.prefix, type="phrase_prefix", fields=fields))
    if fuzzy:
        forms += [
            Q("multi_match", query=form, fields=fields, operator="and", fuzziness="AUTO", prefix_length=1)
            for form in term.forms
        ]
    return Q("bool", should=forms, minimum_should_match=1)


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
