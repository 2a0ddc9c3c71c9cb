"""Lighthouse (mobile) and first-load page weight of the public pages, on the production settings.

    .venv/bin/python bench/lighthouse.py            # the demo database (make run), every page kind
    .venv/bin/python bench/lighthouse.py --kinds home,product

Starts gunicorn with the production settings (static files compressed and fingerprinted by
WhiteNoise; media served by the app, as SERVE_MEDIA allows for a single-box demo), picks one URL
of each kind from the database, and runs Lighthouse's mobile preset (a mid-range phone on a slow
4G link, simulated) in Debian's Chromium. Prints performance, accessibility, the bytes transferred
on first load and the largest contentful paint per page. Figures, not a pass/fail test.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")

from bench.run import ROOT, free_port, start_gunicorn, wait_until_up  # noqa: E402

LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", ROOT / "node_modules" / ".bin" / "lighthouse"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
KINDS = ("home", "catalogue", "product", "search", "sales_points", "trace")


def page_urls() -> dict[str, str]:
    """One URL per kind, from the demo data: a listable product, a stamp of one of its lots."""
    django.setup()
    from catalogue.certification import local_today
    from catalogue.models import Product
    from gs1.links import lot_trace_path
    from traceability.models import Lot

    listable = Product.objects.browsable(local_today())
    product = listable.order_by("pk").first()
    lot = Lot.objects.filter(product__in=listable).order_by("pk").first()  # a stamp's scan would be counted
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "product": product.get_absolute_url(),
        "search": "/search/?q=mam",
        "sales_points": "/diem-ban/",
        "trace": lot_trace_path(lot),
    }


def audit(url: str, attempts: int = 3) -> dict:
    """One Lighthouse run; Chromium now and then fails to record a trace (NO_NAVSTART): run again."""
    for attempt in range(attempts):
        try:
            return _audit(url)
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise


def _audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as profile:
        report = Path(profile) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=performance,accessibility", "--form-factor=mobile",
             f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir={profile}/chrome"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        result = json.loads(report.read_text())
    audits = result["audits"]
    weight = audits["total-byte-weight"]
    return {
        "performance": round(result["categories"]["performance"]["score"] * 100),
        "accessibility": round(result["categories"]["accessibility"]["score"] * 100),
        "kib": weight["numericValue"] / 1024,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "heaviest": [(item["url"], item["totalBytes"] / 1024) for item in weight["details"]["items"]],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--heaviest", type=int, default=0, help="also list each page's N heaviest resources")
    args = parser.parse_args(argv)
    urls = page_urls()
    port = free_port()
    server = start_gunicorn(port, 2, os.environ.get("DATABASE_URL"), {"SERVE_MEDIA": "true"})
    try:
        wait_until_up(port)
        print(f"{'page':<13} {'perf':>4} {'a11y':>4} {'KiB':>7} {'LCP s':>6} {'TBT ms':>7} {'CLS':>5}  url")
        for kind in args.kinds.split(","):
            figures = audit(f"http://127.0.0.1:{port}{urls[kind]}")
            print(f"{kind:<13} {figures['performance']:>4} {figures['accessibility']:>4} "
                  f"{figures['kib']:>7.1f} {figures['lcp_s']:>6.2f} {figures['tbt_ms']:>7.0f} "
                  f"{figures['cls']:>5.2f}  {urls[kind]}", flush=True)
            for resource, kib in figures["heaviest"][: args.heaviest]:
                print(f"{'':<13} {kib:>17.1f}  {resource.split(str(port), 1)[-1]}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
