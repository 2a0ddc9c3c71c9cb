"""Search latency (p50/p95/p99) per backend, and index rebuild time.

    DATABASE_URL=... .venv/bin/python bench/search.py --backends database,elasticsearch --runs 300

Runs the storefront's search service in this process (no HTTP) against the database in
DATABASE_URL, over a mix of queries: words with and without diacritics, filters, sorts, later
pages, each with its facets and the page's products loaded for the cards. `elasticsearch` uses
ELASTICSEARCH_URL when set, else starts osmem-server (the in-memory test server) for the run.
The rebuild time is `search_index --rebuild` for that backend (database entries included).
"""

import argparse
import statistics
import time

import project  # noqa: E402,F401  the project importable, settings chosen (bench/project.py)

WORDS = [
    "muoi", "mắm cá cơm", "MUỐI HẠT", "sam ngoc linh", "can gio", "banh trang", "thanh tra",
    "tinh dau tram", "kieu", "bun", "coi kim son", "hop qua", "tra", "kho ca", "xyz",
]
FILTERS = [{}, {"stars": 4}, {"stars": 5}, {"group": "thuc-pham"}, {"province": 79}, {"province": 46}]
SORTS = ["relevance", "price", "stars", "newest"]


def queries(count):
    from search.backends.base import SearchQuery

    mix = []
    for i in range(count):
        text = WORDS[i % len(WORDS)] if i % 5 else ""  # one in five: browsing with no words
        mix.append(SearchQuery(
            text=text, sort=SORTS[i % len(SORTS)], page=1 + (i % 7 == 0), **FILTERS[i % len(FILTERS)]
        ))
    return mix


def measure(runs, cold=False):
    from django.core.cache import cache

    from search.service import search_products, suggest_products

    for query in queries(20):  # warm caches and connections
        search_products(query)
    timings, backends = [], set()
    for query in queries(runs):
        if cold:  # every search computes its counts and facets afresh
            cache.clear()
        start = time.perf_counter()
        found = search_products(query)
        timings.append((time.perf_counter() - start) * 1000)
        backends.add(found.results.backend)
    suggest_timings = []
    for i in range(runs // 3):
        start = time.perf_counter()
        suggest_products(WORDS[i % len(WORDS)][:4])
        suggest_timings.append((time.perf_counter() - start) * 1000)
    return timings, suggest_timings, backends


def percentiles(timings):
    cuts = statistics.quantiles(timings, n=100)
    return f"p50 {cuts[49]:6.1f} ms  p95 {cuts[94]:6.1f} ms  p99 {cuts[98]:6.1f} ms"


def rebuild_seconds(elasticsearch):
    from django.db import connection

    from search import indexing
    from search.models import ProductSearchEntry

    start = time.perf_counter()
    indexing.rebuild(elasticsearch=elasticsearch)
    seconds = time.perf_counter() - start
    if connection.vendor == "postgresql":  # a rebuild rewrites every entry: clear the dead rows now
        with connection.cursor() as cursor:  # (autovacuum would, later)
            cursor.execute(f"VACUUM ANALYZE {ProductSearchEntry._meta.db_table}")
    return seconds


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default="database,elasticsearch")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--cold", action="store_true", help="empty the cache before every search")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from catalogue.models import Product

    products = Product.objects.count()
    cache = "cold cache" if args.cold else "cache kept (counts and facets reused for repeated filters)"
    print(f"{connection.vendor}, {products} products, {args.runs} searches per backend, {cache}")
    for backend in args.backends.split(","):
        server = None
        if backend == "elasticsearch":
            if not settings.ELASTICSEARCH_URL:
                from osmem_server import OsmemServer

                server = OsmemServer.start(japanese=False)
                settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_PLAIN_JSON = server.url, True
        else:
            settings.ELASTICSEARCH_URL = ""
        try:
            seconds = rebuild_seconds(elasticsearch=backend == "elasticsearch")
            timings, suggest_timings, answered = measure(args.runs, cold=args.cold)
        finally:
            if server:
                server.close()
        print(f"{backend:14} rebuild {seconds:6.1f} s ({products / seconds:,.0f} products/s)")
        print(f"{'':14} search  {percentiles(timings)}  (answered by {', '.join(sorted(answered))})")
        print(f"{'':14} suggest {percentiles(suggest_timings)}")


if __name__ == "__main__":
    main()
