"""Time the "near me" query over many sales points (target: < 50 ms for 1,000 points).

    DATABASE_URL=... .venv/bin/python bench/sales_points_near.py --points 1000 --runs 200

Creates the points (with a few products each) inside a transaction that is rolled back, then
times the first page of the API's query: distance computed and sorted by the database, plus the
prefetch of each point's listable stock. Prints p50/p95/max in milliseconds.
"""

import argparse
import random
import statistics
import time
from decimal import Decimal

import project  # noqa: E402,F401  the project importable, settings chosen (bench/project.py)


class Rollback(Exception):
    pass


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--page", type=int, default=24)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.db import connection, transaction

    from catalogue.models import Product
    from salespoints.models import SalesPoint, SalesPointStock
    from salespoints.selectors import (
        Coordinates,
        sales_points_filtered,
        with_distance,
        with_listable_products,
    )

    rng = random.Random(1000)  # noqa: S311
    products = list(Product.objects.order_by("pk").values_list("pk", flat=True)[:500])
    try:
        with transaction.atomic():
            points = SalesPoint.objects.bulk_create(
                SalesPoint(
                    name=f"Bench point {n}", slug=f"bench-point-{n}", kind="market", province_code=79,
                    latitude=Decimal(f"{rng.uniform(8.6, 23.3):.6f}"),
                    longitude=Decimal(f"{rng.uniform(102.2, 109.4):.6f}"),
                )
                for n in range(args.points)
            )
            SalesPointStock.objects.bulk_create(
                SalesPointStock(sales_point=point, product_id=pk, level="in_stock")
                for point in points
                for pk in rng.sample(products, min(5, len(products)))
            )
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            timings = []
            for _ in range(args.runs):
                origin = Coordinates(rng.uniform(8.6, 23.3), rng.uniform(102.2, 109.4))
                started = time.perf_counter()
                nearest = with_distance(sales_points_filtered(), origin)
                page = list(with_listable_products(nearest)[: args.page])
                timings.append((time.perf_counter() - started) * 1000)
                assert page[0].distance_km <= page[-1].distance_km
            total = SalesPoint.objects.count()
            raise Rollback
    except Rollback:
        pass
    timings.sort()
    print(f"{connection.vendor}: {total} sales points, {len(products)} products, first {args.page} nearest "
          f"with listable stock, {args.runs} runs")
    print(f"p50 {statistics.median(timings):.1f} ms  p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms  "
          f"max {timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
