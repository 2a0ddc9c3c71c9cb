"""Mixed workload while the shop is written to: random pages of every kind against /healthz.

    REDIS_URL=redis://127.0.0.1:6379/3 DATABASE_URL=postgres://…/ocop_bench \
        .venv/bin/python bench/mixed.py --duration 120 --rounds 6

Starts gunicorn (production settings, 2 workers; ``--instances 2`` starts a second one on
another port, the clients then alternate between them), and a writer in this process that
saves a random stock record twice a second and places a guest order (cash on delivery)
through the shop's own views every 5 seconds, on the same database and Redis. The kinds take
turns (``--rounds``); during a kind's turn ``--concurrency`` keep-alive clients each request
random URLs of that kind: 2,000 product pages, 2,000 trace pages (product, lot and stamp
codes), catalogue pages 1–50, 200 search queries, the home page. For each kind it prints
requests/s as a share of /healthz's in the same run, p50/p95, errors and the page-cache hit
rate (the ``X-Cache`` header). ``--no-writer`` measures the same without writes, and
``--cold`` turns the whole-page cache off (``PAGE_CACHE=false``), leaving the other caches warm.
"""

import argparse
import os
import random
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402
from bench.run import FLOOR, free_port, start_gunicorn, timed_get, wait_until_up  # noqa: E402

KINDS = ("healthz", "product", "trace", "catalogue", "search", "home")


def url_pools(rng: random.Random, size: int) -> dict[str, list[str]]:
    """Random URLs of each kind from the database (Django set up in this process)."""
    from catalogue.models import Product
    from gs1.links import lot_trace_path, product_trace_path, stamp_trace_path
    from search.folding import fold
    from traceability.models import Lot, Stamp

    ids = list(Product.objects.browsable().values_list("pk", flat=True))
    products = list(Product.objects.filter(pk__in=rng.sample(ids, min(size, len(ids)))))
    traced = [product for product in products if product.gtin]
    lots = list(Lot.objects.select_related("product").filter(product__gtin__gt="")[:200])
    stamps = list(Stamp.objects.select_related("lot__product").filter(lot__product__gtin__gt="")[:500])
    trace = [product_trace_path(p) for p in traced[: size // 2]]
    trace += [lot_trace_path(lot) for lot in lots] + [stamp_trace_path(stamp) for stamp in stamps]
    while len(trace) < size and traced:
        trace.append(product_trace_path(rng.choice(traced)))
    words = [word for product in products[:400] for word in fold(product.title).split() if len(word) > 2]
    queries: set[str] = set()
    while len(queries) < 200 and words:  # one or two words of real titles, as shoppers type them
        queries.add(" ".join(rng.sample(words, rng.choice((1, 2)))))
    return {
        "healthz": [FLOOR],
        "product": [product.get_absolute_url() for product in products],
        "trace": trace[:size],
        "catalogue": [f"/catalogue/?page={page}" for page in range(1, 51)],
        "search": [f"/search/?q={query.replace(' ', '+')}" for query in sorted(queries)],
        "home": ["/"],
    }


class Writer(threading.Thread):
    """Saves a random stock record every ``stock_every`` s and places an order every ``order_every`` s."""

    def __init__(self, rng, stock_every=0.5, order_every=5.0):
        super().__init__(daemon=True)
        self.rng, self.stock_every, self.order_every = rng, stock_every, order_every
        self.stop = threading.Event()
        self.stock_saves = self.orders = self.failures = 0

    def run(self):
        from django.db import connection
        from oscar.core.loading import get_model

        from catalogue.models import Product

        stock_record = get_model("partner", "StockRecord")
        ids = list(stock_record.objects.values_list("pk", flat=True))  # any product's, listed or not
        self.buyable = list(
            Product.objects.browsable().filter(stockrecords__num_in_stock__gt=10).values_list("pk", flat=True)
        )
        next_order = time.monotonic() + self.order_every
        try:
            while not self.stop.wait(self.stock_every):
                record = stock_record.objects.get(pk=self.rng.choice(ids))
                record.num_in_stock = self.rng.randint(50, 500)  # stays available: a restock
                record.save()
                self.stock_saves += 1
                if time.monotonic() >= next_order:
                    next_order += self.order_every
                    self._order()
        finally:
            connection.close()

    def _order(self):
        from django.test import Client
        from oscar.core.loading import get_model

        from catalogue.models import Product
        from tests.checkout import add_to_basket, fill_guest_checkout, place_order

        order = get_model("order", "Order")
        before = order.objects.count()
        client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
        add_to_basket(client, Product.objects.get(pk=self.rng.choice(self.buyable)))
        fill_guest_checkout(client)
        placed = place_order(client)
        if order.objects.count() > before:
            self.orders += 1
        else:
            self.failures += 1
            messages = [str(message) for message in placed.context["messages"]] if placed.context else []
            where = placed.request["PATH_INFO"]
            print(f"  order not placed: {placed.status_code} {where} {messages}", file=sys.stderr)


def visit_once(ports, urls, concurrency):
    import http.client

    pending = list(urls)
    lock = threading.Lock()

    def client(index):
        connection = http.client.HTTPConnection("127.0.0.1", ports[index % len(ports)], timeout=30)
        while True:
            with lock:
                if not pending:
                    return
                url = pending.pop()
            connection.request("GET", url)
            connection.getresponse().read()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def hammer(ports, urls, rng_seed, concurrency, seconds):
    import http.client

    latencies, statuses, hits = [], {"errors": 0}, {"hit": 0, "miss": 0}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(index):
        rng = random.Random(rng_seed + index)
        port = ports[index % len(ports)]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop_at:
            url = rng.choice(urls)
            connection, response, elapsed = timed_get(connection, port, url)
            ok = response is not None and response.status == 200
            cache = response.getheader("X-Cache") if ok else None
            with lock:
                if ok:
                    latencies.append(elapsed)
                    if cache in hits:
                        hits[cache] += 1
                else:
                    statuses["errors"] += 1
                    if statuses["errors"] <= 3:
                        print(f"  error on {url}", file=sys.stderr)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"latencies": latencies, "errors": statuses["errors"], "wall": time.monotonic() - started, **hits}


def summarise(kind, samples):
    hits, misses = sum(s["hit"] for s in samples), sum(s["miss"] for s in samples)
    return {**run.summarise(kind, samples), "hit_rate": hits / (hits + misses) if hits + misses else None}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=60, help="seconds per kind, over all rounds")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--instances", type=int, default=1)
    parser.add_argument("--urls", type=int, default=2000, help="product and trace URLs in each pool")
    parser.add_argument("--no-writer", action="store_true")
    parser.add_argument(
        "--cold", action="store_true", help="whole-page cache off (PAGE_CACHE=false), other caches warm"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the writer's order emails
    rng = random.Random(args.seed)
    pools = url_pools(rng, args.urls)
    ports = [free_port() for _ in range(args.instances)]
    extra_env = {"PAGE_CACHE": "false"} if args.cold else {}
    servers = [
        start_gunicorn(port, args.workers, os.environ.get("DATABASE_URL"), extra_env) for port in ports
    ]
    writer = None
    try:
        for port in ports:
            wait_until_up(port)
        for kind in KINDS:  # warm: every URL once (the thumbnails, the fragments, the pages)
            visit_once(ports, pools[kind], args.concurrency)
        if not args.no_writer:
            writer = Writer(random.Random(args.seed))
            writer.start()
        samples = {kind: [] for kind in KINDS}
        for turn in range(args.rounds):
            for kind in KINDS:
                samples[kind].append(
                    hammer(
                        ports, pools[kind], args.seed + turn, args.concurrency, args.duration / args.rounds
                    )
                )
    finally:
        if writer:
            writer.stop.set()
            writer.join(timeout=30)
        for server in servers:
            server.terminate()
            server.wait(timeout=30)

    results = {kind: summarise(kind, samples[kind]) for kind in KINDS}
    floor = results["healthz"]["rps"]
    cache = "Redis" if settings.CACHES["default"]["BACKEND"].endswith("RedisCache") else "local memory"
    print(
        f"{args.instances} gunicorn instance(s) x {args.workers} workers, {args.concurrency} clients, "
        f"{args.duration:g} s per kind in {args.rounds} turns, {settings.DATABASES['default']['ENGINE']}, "
        f"cache: {cache}{', whole-page cache off' if args.cold else ''}"
    )
    if writer:
        print(
            f"writer: {writer.stock_saves} stock saves, {writer.orders} orders placed, "
            f"{writer.failures} orders failed"
        )
    else:
        print("writer: off")
    print(
        f"{'kind':10} {'URLs':>5} {'req/s':>8} {'of /healthz':>12} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'errors':>7} {'cache hits':>11}"
    )
    for kind in KINDS:
        r = results[kind]
        hit_rate = "–" if r["hit_rate"] is None else f"{r['hit_rate']:.0%}"
        print(
            f"{kind:10} {len(pools[kind]):5d} {r['rps']:8.1f} {r['rps'] / floor:12.1%} {r['p50']:8.1f} "
            f"{r['p95']:8.1f} {r['errors']:7d} {hit_rate:>11}"
        )
    print(f"{sum(r['requests'] for r in results.values()):,} requests in all")
    failed = any(r["errors"] for r in results.values()) or (writer and writer.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
