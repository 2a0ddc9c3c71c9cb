from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalogue.demo import seed_demo
from catalogue.models import Product
from salespoints.demo import seed_sales_points
from storefront.demo import seed_accounts, seed_pages
from traceability.demo import seed_traceability
from tradefairs.demo import seed_fairs

TRACED_PRODUCTS = 200  # lots, events and stamps for the first products of the real producers


class Command(BaseCommand):
    help = "Load demo OCOP products, producers and certificates (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=120, help="how many products (default 120)")
        parser.add_argument("--producers", type=int, default=40, help="how many producers (default 40)")
        parser.add_argument(
            "--demo-password", default="ocop-demo-2026",
            help="password of the demo accounts quantri, chuthe and canbo (made only when DEBUG is on)",
        )

    def handle(self, *args, products, producers, demo_password, **options):
        created = seed_demo(products=products, producers=producers)
        first = Product.objects.filter(upc__lt=f"OCOP-{TRACED_PRODUCTS + 1:06d}").select_related("producer")
        created["lots"] = seed_traceability(first.order_by("upc"))
        created["sales points"] = seed_sales_points()
        created["fairs"] = seed_fairs()
        created["pages"] = seed_pages()
        call_command("search_index", rebuild=True, verbosity=0)  # bulk loads send no signals
        summary = ", ".join(f"{name}: {count}" for name, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({summary} created)."))
        if settings.DEBUG:  # never on a production server, whatever runs this command there
            for username in seed_accounts(demo_password):
                self.stdout.write(f"Demo account {username} / {demo_password} at /cms/")
