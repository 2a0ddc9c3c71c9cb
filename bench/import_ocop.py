"""Time import_ocop on a generated file: N new certificates, then the same file again, then N/100 revocations.

    DATABASE_URL=... .venv/bin/python bench/import_ocop.py --rows 1000
"""

import argparse
import time

import project  # noqa: E402,F401  the project importable, settings chosen (bench/project.py)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.test import Client

    from catalogue.importing import import_ocop
    from catalogue.models import Product
    from tests.ocop_files import csv_bytes, ocop_row

    prefix = f"B{int(time.time())}"
    rows = [ocop_row(n, product_code=f"{prefix}-{n:05d}", decision_number=f"{prefix}/QĐ-UBND")
            for n in range(args.rows)]
    revocations = [
        {**row, "status": "revoked", "revocation_decision": f"{prefix}-TH/QĐ-UBND",
         "revoked_on": "01/06/2026", "revocation_reason": "Vi phạm an toàn thực phẩm"}
        for row in rows[: max(1, args.rows // 100)]
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    for label, content in (("import", csv_bytes(rows)), ("re-import", csv_bytes(rows)),
                           ("revocations", csv_bytes(revocations))):
        if label == "revocations":  # a revoked product's page, cached before its revocation
            page = Product.objects.get(upc=rows[0]["product_code"]).get_absolute_url()
            before = [client.get(page).status_code for _ in range(2)]
        started = time.perf_counter()
        summary = import_ocop(content, "bench.csv")
        elapsed = time.perf_counter() - started
        print(f"{label:12} {elapsed:6.2f} s  " + "; ".join(summary.as_lines()))
    listed = Product.objects.browsable().filter(upc__startswith=prefix).count()
    print(f"listable after revocations: {listed} of {args.rows}")
    after = client.get(page).status_code
    print(f"a revoked product's page: {before} before (rendered, then cached), {after} after")


if __name__ == "__main__":
    main()
