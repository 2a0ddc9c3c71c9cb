"""The producer's workspace, "Cơ sở của tôi": one page of everything the producer keeps, each
part read from the package that owns it, each row a link to where it is changed."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from access.rules import is_producer_user, own_producers
from catalogue.models import Producer
from catalogue.selectors import producer_products
from checkout.tracking import lines_to_ship
from storefront.models import ProducerPage
from traceability.models import Lot, RawMaterialArea
from traceability.services import lots_with_scans

SHOWN = 50  # rows per part; each part links to its full list


def workspace(request):
    """A producer's users see their producer's (``?producer=<pk>`` picks one of several); a
    superuser opens any producer's with ``?producer=<pk>``."""
    producers = own_producers(request.user, Producer.objects.order_by("name"))
    chosen = request.GET.get("producer", "")
    if chosen.isdecimal():
        producers = producers.filter(pk=chosen)
    elif not is_producer_user(request.user):
        producers = producers.none()
    producer = producers.first()
    if producer is None:
        raise PermissionDenied
    lots = Lot.objects.filter(product__producer=producer).order_by("-produced_on", "-pk")
    context = {
        "producer": producer,
        "pages": ProducerPage.objects.filter(producer=producer).order_by("pk"),
        "products": producer_products(Producer.objects.filter(pk=producer.pk)),
        "areas": RawMaterialArea.objects.filter(producer=producer)[:SHOWN],
        "lots": lots_with_scans(lots)[:SHOWN],
        "lines": lines_to_ship(request.user).filter(partner__producer=producer)[:SHOWN],
    }
    return TemplateResponse(request, "storefront/admin/workspace.html", context)
