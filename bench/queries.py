"""SQL queries per page, and whether they grow with the page size.

    DATABASE_URL=... .venv/bin/python bench/queries.py --urls /,/catalogue/ --page-sizes 12,48

Runs each URL through Django's test client against the configured database (no server).
A page whose count changes with the page size has an N+1 query to find. Each page is counted
twice: rendered from an empty cache (pages, fragments, search answers) and then from the page cache.
"""

import argparse

import project  # noqa: E402,F401  the project importable, settings chosen (bench/project.py)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--urls", default="/,/catalogue/,/search/?q=mu")
    parser.add_argument("--page-sizes", default="12,48")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    sizes = [int(s) for s in args.page_sizes.split(",")]
    def count(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # A thumbnail's record is read from sorl's key-value store once per image, then cached:
        # the page's own queries are the rest.
        page_queries = [q for q in queries.captured_queries if "thumbnail_kvstore" not in q["sql"]]
        return len(page_queries) if response.status_code == 200 else -1

    print(f"{'url':40} " + " ".join(f"{f'{s}/page':>9}" for s in sizes) + "  constant  cached")
    for url in args.urls.split(","):
        counts, cached = [], set()
        for size in sizes:
            with override_settings(OSCAR_PRODUCTS_PER_PAGE=size):
                client.get(url)  # warm: thumbnails, site lookups
                cache.clear()  # pages and their fragments: rendered in full
                counts.append(count(url))
                cached.add(count(url))
        constant = "yes" if len(set(counts)) == 1 else "NO"
        print(f"{url[:40]:40} " + " ".join(f"{c:9d}" for c in counts) + f"  {constant:>8}  {sorted(cached)}")


if __name__ == "__main__":
    main()
