from django.http import HttpResponse


def healthz(request):
    """Liveness probe and benchmark floor: touches no database, cache or template."""
    return HttpResponse(b"ok", content_type="text/plain")
