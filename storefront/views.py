from django.db import transaction
from django.http import HttpResponse


@transaction.non_atomic_requests  # not even a savepoint: this is the benchmark floor
def healthz(request):
    """Liveness probe: touches no database, cache or template."""
    return HttpResponse(b"ok", content_type="text/plain")
