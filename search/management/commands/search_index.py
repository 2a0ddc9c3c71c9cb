from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, TransportError
from tqdm import tqdm

from catalogue.models import Product
from search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the search indexes: the database backend's entries and, when ELASTICSEARCH_URL is "
        "set, a new Elasticsearch index that replaces the live one by an alias swap (no downtime)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="reindex every product")
        parser.add_argument(
            "--database-only", action="store_true", help="only the database backend's entries"
        )

    def handle(self, *args, rebuild: bool, database_only: bool, verbosity: int, **options):
        if not rebuild:
            raise CommandError("Nothing to do: use --rebuild.")
        total = Product.objects.filter(parent=None).count()
        with tqdm(total=total, unit="product", disable=verbosity < 1, file=self.stderr) as bar:
            try:
                index = indexing.rebuild(progress=bar.update, elasticsearch=not database_only)
            except (ApiError, TransportError) as error:
                raise CommandError(f"Elasticsearch at {settings.ELASTICSEARCH_URL} failed: {error}")
        where = f"database and Elasticsearch index {index}" if index else "database"
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Indexed {total} products ({where})."))

