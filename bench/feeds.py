"""Feed sizes and generation times: uncached (after a page-version bump) and cached.

    DATABASE_URL=... .venv/bin/python bench/feeds.py --runs 3

Runs each feed through Django's test client against the configured database (no server); the
sizes are as sent, plain and gzipped.
"""

import argparse
import statistics
import time

import project  # noqa: E402,F401  the project importable, settings chosen (bench/project.py)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--urls", default="/feeds/google.xml,/feeds/meta.csv")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    from catalogue.models import Product

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"listable products: {Product.objects.browsable().count()}")
    columns = (
        ("items", 7), ("bytes", 10), ("gzipped", 9), ("uncached s", 11), ("cached ms", 10), ("gzip ms", 8)
    )
    print(f"{'url':24} " + " ".join(f"{name:>{width}}" for name, width in columns))
    for url in args.urls.split(","):
        uncached, cached, cached_gzip = [], [], []
        for _ in range(args.runs):
            cache.clear()  # so the next fetch builds the feed
            start = time.perf_counter()
            response = client.get(url)
            uncached.append(time.perf_counter() - start)
            start = time.perf_counter()
            client.get(url)
            cached.append(time.perf_counter() - start)
            start = time.perf_counter()
            gzipped = len(client.get(url, HTTP_ACCEPT_ENCODING="gzip").content)
            cached_gzip.append(time.perf_counter() - start)
        body = response.content
        items = body.count(b"<item>") or body.count(b"\n") - 1
        print(
            f"{url:24} {items:7d} {len(body):10d} {gzipped:9d} {statistics.median(uncached):11.2f} "
            f"{1000 * statistics.median(cached):10.1f} {1000 * statistics.median(cached_gzip):8.1f}"
        )


if __name__ == "__main__":
    main()
