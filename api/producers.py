"""/producers/: the active OCOP producers (chủ thể OCOP)."""

from ninja import Router, Schema
from ninja.pagination import paginate

from api.pagination import PageNumbers, Shaped
from api.schemas import PlaceOut, place, province_code
from catalogue.models import Producer

router = Router(tags=["producers"])


class ProducerOut(Schema):
    name: str
    slug: str
    kind: str
    province: PlaceOut
    commune: PlaceOut


def producer_out(producer) -> dict:
    return {
        "name": producer.name, "slug": producer.slug, "kind": producer.kind,
        "province": place(producer.province_code, producer.province_name),
        "commune": place(producer.commune_code, producer.commune_name),
    }


@router.get("/producers/", response=list[ProducerOut])
@paginate(PageNumbers)
def list_producers(request, province: str = ""):
    """Active OCOP producers (chủ thể OCOP)."""
    producers = Producer.objects.filter(is_active=True).order_by("name", "pk")
    if province:
        producers = producers.filter(province_code=province_code(province))
    return Shaped(producers, producer_out)
