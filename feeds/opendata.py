"""Open data: the register of listable OCOP products (CSV, JSON), an Atom feed of recognition and
revocation decisions, and a DCAT-AP description of both, so that data portals can harvest them."""

import json
from collections import defaultdict
from datetime import datetime, time
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from catalogue.certification import certificate_status
from catalogue.models import Certificate, Product, RecognitionDecision
from catalogue.selectors import certificates_with_decisions
from formats import vn_date
from formats.spreadsheets import to_csv
from gs1.links import public_url

REGISTER_FIELDS = (
    "code", "name", "producer", "stars", "group", "province", "certificate_number", "valid_until", "status",
)
FEED_ENTRIES = 200


def register_rows() -> list[dict]:
    """One row per listable product (the listing gate, through browsable()), by code."""
    products = (
        Product.objects.browsable()
        .select_related("producer", "ocop_group")
        .prefetch_related(certificates_with_decisions())
        .order_by("upc")
    )
    rows = []
    for product in products:
        certificate = product.current_certificate()
        rows.append({
            "code": product.upc,
            "name": product.title,
            "producer": product.producer.name if product.producer else "",
            "stars": certificate.stars,
            "group": product.ocop_group.name if product.ocop_group else "",
            "province": product.origin_province_name or "",
            "certificate_number": certificate.decision.number,
            "valid_until": certificate.valid_until.isoformat(),
            "status": certificate_status(certificate),
        })
    return rows


def register_csv(rows) -> bytes:
    values = ([row[field] for field in REGISTER_FIELDS] for row in rows)
    return to_csv(REGISTER_FIELDS, values, for_spreadsheets=False)  # for harvesters: no byte-order mark


def register_json(rows) -> bytes:
    return json.dumps({"fields": REGISTER_FIELDS, "products": rows}, ensure_ascii=False).encode()


def _moment(day) -> datetime:
    """A decision's day as a moment (Atom dates are moments): its start in Vietnam."""
    return timezone.make_aware(datetime.combine(day, time.min))


def decisions_atom() -> bytes:
    """Recognition and revocation decisions, newest first, one entry per decision."""
    host = urlsplit(settings.PUBLIC_BASE_URL).netloc
    feed = Atom1Feed(
        title=_("Quyết định công nhận và thu hồi sản phẩm OCOP"),
        link=public_url("/"),
        description=_("Mỗi mục là một quyết định công nhận hoặc thu hồi chứng nhận OCOP."),
        feed_url=public_url(reverse("feeds:decisions")),
        language="vi",
        feed_guid=f"tag:{host},2025:ocop-decisions",
    )
    entries = [*_recognitions(host), *_revocations(host)]
    for entry in sorted(entries, key=lambda e: (e["pubdate"], e["unique_id"]), reverse=True)[:FEED_ENTRIES]:
        feed.add_item(**entry)
    return feed.writeString("utf-8").encode()


def _product_lines(certificates) -> str:
    return "\n".join(f"- {c.product.title} ({c.stars}★, {c.product.upc})" for c in certificates)


def _recognitions(host):
    decisions = RecognitionDecision.objects.order_by("-decision_date", "-pk")[:FEED_ENTRIES].prefetch_related(
        "certificates__product"
    )
    for decision in decisions:
        certificates = list(decision.certificates.all())
        if not certificates:
            continue
        yield {
            "title": _("Quyết định %(number)s: công nhận %(count)s sản phẩm OCOP")
            % {"number": decision.number, "count": len(certificates)},
            "link": public_url(reverse("feeds:register", args=["json"])),
            "description": "\n".join(
                [f"{decision.authority}, {vn_date(decision.decision_date)}.", _product_lines(certificates)]
            ),
            "pubdate": _moment(decision.decision_date),
            "updateddate": _moment(decision.decision_date),  # Atom requires <updated> on every entry
            "unique_id": f"tag:{host},{decision.decision_date.isoformat()}:recognition/{decision.number}",
            "categories": [_("công nhận"), decision.get_level_display()],
        }


def _revocations(host):
    revoked = (
        Certificate.objects.exclude(revocation_decision_number="").filter(revoked_on__isnull=False)
        .select_related("product").order_by("-revoked_on", "pk")
    )
    by_decision = defaultdict(list)
    for certificate in revoked[: FEED_ENTRIES * 20]:
        by_decision[(certificate.revocation_decision_number, certificate.revoked_on)].append(certificate)
    for (number, day), certificates in by_decision.items():
        reasons = sorted({c.revocation_reason for c in certificates if c.revocation_reason})
        yield {
            "title": _("Quyết định %(number)s: thu hồi %(count)s chứng nhận OCOP")
            % {"number": number, "count": len(certificates)},
            "link": public_url(reverse("feeds:register", args=["json"])),
            "description": "\n".join([vn_date(day), *reasons, _product_lines(certificates)]),
            "pubdate": _moment(day),
            "updateddate": _moment(day),
            "unique_id": f"tag:{host},{day.isoformat()}:revocation/{number}",
            "categories": [_("thu hồi")],
        }


def latest_decision_day():
    """The day of the newest recognition or revocation: when the register last changed by decision."""
    days = [
        RecognitionDecision.objects.aggregate(day=Max("decision_date"))["day"],
        Certificate.objects.aggregate(day=Max("revoked_on"))["day"],
    ]
    return max((day for day in days if day), default=None)


def dcat_catalog() -> dict:
    """A DCAT-AP catalogue of the register and the decisions feed (JSON-LD)."""
    day = latest_decision_day()
    modified = _moment(day).isoformat() if day else None
    publisher = {"@type": "foaf:Agent", "foaf:name": settings.OPEN_DATA_PUBLISHER}
    license_ = {"@id": settings.OPEN_DATA_LICENSE}

    def distribution(url_name, args, media_type, file_type, title):
        url = public_url(reverse(url_name, args=args))
        return {
            "@id": f"{url}#distribution",
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
            "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{file_type}"},
            "dct:license": license_,
        }

    dataset = {
        "@id": public_url(reverse("feeds:register", args=["json"])).rsplit(".", 1)[0],
        "@type": "dcat:Dataset",
        "dct:title": {"@value": "Danh mục sản phẩm OCOP còn hiệu lực", "@language": "vi"},
        "dct:description": {
            "@value": "Sản phẩm OCOP 3–5 sao đang được bán trên OCOP Market: mã, tên, chủ thể, số sao, nhóm, "
            "tỉnh, số quyết định công nhận, hạn hiệu lực và trạng thái; kèm luồng Atom các quyết định "
            "công nhận và thu hồi.",
            "@language": "vi",
        },
        "dct:identifier": public_url(reverse("feeds:register", args=["json"])),
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/VIE"},
        "dct:spatial": {"@id": "https://sws.geonames.org/1562822/"},
        "dct:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/CONT"},
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/AGRI"},
        "dcat:keyword": ["OCOP", "Mỗi xã một sản phẩm", "sản phẩm địa phương", "chứng nhận"],
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": settings.OPEN_DATA_PUBLISHER,
                              "vcard:hasEmail": {"@id": f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}"}},
        "dcat:distribution": [
            distribution("feeds:register", ["csv"], "text/csv", "CSV", "CSV"),
            distribution("feeds:register", ["json"], "application/json", "JSON", "JSON"),
            distribution("feeds:decisions", [], "application/atom+xml", "ATOM", "Atom"),
        ],
        **({"dct:modified": {"@value": modified, "@type": "xsd:dateTime"}} if modified else {}),
    }
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": public_url(reverse("feeds:dcat")),
        "@type": "dcat:Catalog",
        "dct:title": {"@value": "Dữ liệu mở OCOP Market", "@language": "vi"},
        "dct:description": {"@value": "Dữ liệu mở về sản phẩm OCOP và các quyết định công nhận, thu hồi.",
                            "@language": "vi"},
        "dct:publisher": publisher,
        "dct:license": license_,
        "foaf:homepage": {"@id": public_url("/")},
        "dcat:dataset": [dataset],
    }
