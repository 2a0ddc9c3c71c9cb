"""Import of OCOP recognition and revocation decisions (CSV or XLSX, one row per certificate).

The columns are the contract in DESIGN.md §4. Every row is checked before anything is written;
one bad row rejects the whole file, with every row's errors and line numbers. A good file is
applied in one transaction, and applying the same file again changes nothing.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.utils import slugify

import places
from catalogue.models import Certificate, Producer, Product, ProductClass, ProductGroup, RecognitionDecision
from catalogue.partner.models import Partner
from catalogue.signals import bulk_write
from catalogue.translation import translations
from formats import spreadsheets
from gs1.gtin import is_valid_gtin

COLUMNS = [
    "decision_number", "decision_date", "issuer", "level", "product_code", "product_name", "gtin",
    "producer_name", "producer_type", "producer_tax_code", "province", "commune", "product_group",
    "stars", "score", "valid_from", "valid_until", "status", "revocation_decision", "revoked_on",
    "revocation_reason",
]
REQUIRED_COLUMNS = [
    "decision_number", "decision_date", "issuer", "level", "product_code", "product_name",
    "producer_name", "producer_type", "province", "product_group", "stars",
]
PRODUCT_CLASS_NAME = "Sản phẩm OCOP"

# Error messages (Vietnamese: officers read them); tests import these.
MISSING_COLUMNS = "Thiếu cột bắt buộc: {columns}"
UNREADABLE_FILE = "Không đọc được tệp: cần CSV (UTF-8) hoặc XLSX."
EMPTY_FILE = "Tệp không có dòng dữ liệu nào."
REQUIRED_VALUE = "thiếu giá trị cột {column}"
BAD_DATE = "ngày không hợp lệ ở cột {column}: “{value}” (dùng dd/mm/yyyy)"
BAD_LEVEL = "cấp công nhận không hợp lệ: “{value}” (district, province hoặc national)"
BAD_SCORE = "điểm phải là số từ 0 đến 100: “{value}”"
BAD_GTIN = "mã GTIN sai số kiểm tra hoặc độ dài: “{value}”"
UNKNOWN_PROVINCE = "không tìm thấy tỉnh/thành phố “{value}”"
UNKNOWN_COMMUNE = "xã/phường “{value}” không thuộc {province}"
UNKNOWN_GROUP = "nhóm sản phẩm không hợp lệ: “{value}”"
UNKNOWN_PRODUCER_TYPE = "loại hình chủ thể không hợp lệ: “{value}”"
BAD_STATUS = "trạng thái không hợp lệ: “{value}” (active hoặc revoked)"
CONFLICTING_DUPLICATE = "trùng sản phẩm và quyết định với dòng {other} nhưng khác nội dung"
CONFLICTING_DECISION = "quyết định {number} đã có ngày/cấp/cơ quan khác ở dòng {other}"
OUTSIDE_PROVINCE = "dòng thuộc {province}: bạn chỉ nhập được quyết định của {own}"
PRODUCT_OUTSIDE_PROVINCE = (
    "sản phẩm {code} thuộc chủ thể ở {province}: bạn chỉ nhập được quyết định của {own}"
)

LEVELS = {
    "district": RecognitionDecision.Level.DISTRICT, "huyện": RecognitionDecision.Level.DISTRICT,
    "cấp huyện": RecognitionDecision.Level.DISTRICT,
    "province": RecognitionDecision.Level.PROVINCE, "tỉnh": RecognitionDecision.Level.PROVINCE,
    "cấp tỉnh": RecognitionDecision.Level.PROVINCE,
    "national": RecognitionDecision.Level.NATIONAL, "quốc gia": RecognitionDecision.Level.NATIONAL,
    "cấp quốc gia": RecognitionDecision.Level.NATIONAL,
}
PRODUCER_TYPES = {
    "htx": Producer.Kind.COOPERATIVE, "hợp tác xã": Producer.Kind.COOPERATIVE,
    "tổ hợp tác": Producer.Kind.COOPERATIVE_GROUP, "tht": Producer.Kind.COOPERATIVE_GROUP,
    "doanh nghiệp": Producer.Kind.ENTERPRISE, "công ty": Producer.Kind.ENTERPRISE,
    "doanh nghiệp nhỏ và vừa": Producer.Kind.ENTERPRISE,
    "trang trại": Producer.Kind.FARM,
    "hộ sản xuất": Producer.Kind.HOUSEHOLD, "hộ kinh doanh": Producer.Kind.HOUSEHOLD,
    "hộ sản xuất có đăng ký kinh doanh": Producer.Kind.HOUSEHOLD,
    **{kind.value: kind for kind in Producer.Kind},
}
@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self):
        return _("Dòng %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportRow:
    line: int
    decision_number: str
    decision_date: date
    issuer: str
    level: str
    product_code: str
    product_name: str
    gtin: str
    producer_name: str
    producer_type: str
    producer_tax_code: str
    province_code: int
    commune_code: int | None
    group_code: str
    stars: int
    score: int | None
    valid_from: date
    valid_until: date
    status: str
    revocation_decision: str
    revoked_on: date | None
    revocation_reason: str

    def content(self):
        return {k: v for k, v in self.__dict__.items() if k != "line"}


@dataclass
class ImportSummary:
    created: Counter = field(default_factory=Counter)
    revoked: int = 0
    superseded: int = 0
    unchanged: int = 0

    @property
    def changes(self):
        return sum(self.created.values()) + self.revoked + self.superseded

    def as_lines(self):
        labels = {
            "decisions": _("quyết định mới"), "producers": _("chủ thể mới"),
            "products": _("sản phẩm mới"), "certificates": _("chứng nhận mới"),
        }
        lines = [f"{labels[key]}: {self.created[key]}" for key in labels]
        lines += [
            f"{_('chứng nhận bị thu hồi')}: {self.revoked}",
            f"{_('chứng nhận được thay thế')}: {self.superseded}",
            f"{_('dòng không thay đổi')}: {self.unchanged}",
        ]
        return lines


class ImportRejected(Exception):
    def __init__(self, errors):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


# --- reading -----------------------------------------------------------------------------

def read_table(content: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, BOM optional) or XLSX file as {column: text}, header on line 1."""
    try:
        return spreadsheets.read_table(content, filename)
    except ValueError as error:
        raise ImportRejected([RowError(1, UNREADABLE_FILE)]) from error


# --- validation --------------------------------------------------------------------------

def validate(table: list[dict[str, str]], province_code: int | None = None) -> list[ImportRow]:
    """Parse and check every row; raise ImportRejected with all errors if any row is bad.

    With ``province_code`` (a certification officer's province) a row of another province, or one
    naming a product whose producer is elsewhere, is an error too.
    """
    if not table:
        raise ImportRejected([RowError(1, EMPTY_FILE)])
    missing = [c for c in REQUIRED_COLUMNS if c not in table[0]]
    if missing:
        raise ImportRejected([RowError(1, MISSING_COLUMNS.format(columns=", ".join(missing)))])

    groups = _group_lookup()
    rows, errors = [], []
    for line, raw in enumerate(table, start=2):
        row_errors = []
        row = _parse_row(line, raw, groups, row_errors)
        errors += row_errors
        if row is not None and not row_errors:
            rows.append(row)
    errors += _cross_row_errors(rows)
    if province_code is not None:
        errors += _outside_province_errors(rows, province_code)
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: e.line))
    return rows


def _group_lookup():
    lookup = {}
    for group in ProductGroup.objects.all():
        for key in (group.code, *translations(group, "name").values()):
            lookup[key.lower()] = group.code
    return lookup


def _parse_row(line, raw, groups, errors):
    def value(column):
        return raw.get(column, "").strip()

    def fail(message):
        errors.append(RowError(line, message))

    for column in REQUIRED_COLUMNS:
        if not value(column):
            fail(REQUIRED_VALUE.format(column=column))
    if errors:
        return None

    decision_date = _parse_date(value("decision_date"), "decision_date", fail)
    def optional_date(column, default=None):
        return _parse_date(value(column), column, fail) if value(column) else default

    valid_from = optional_date("valid_from", decision_date)
    valid_until = optional_date(
        "valid_until", Certificate.default_valid_until(valid_from) if valid_from else None
    )
    revoked_on = optional_date("revoked_on")

    level = LEVELS.get(value("level").lower())
    if level is None:
        fail(BAD_LEVEL.format(value=value("level")))
    stars = _parse_int(value("stars"))
    score = _parse_int(value("score")) if value("score") else None
    if value("score") and (score is None or not 0 <= score <= 100):
        fail(BAD_SCORE.format(value=value("score")))
    gtin = value("gtin")
    if gtin and not is_valid_gtin(gtin):
        fail(BAD_GTIN.format(value=gtin))

    province_code = places.parse_province(value("province"))
    commune_code = None
    if province_code is None:
        fail(UNKNOWN_PROVINCE.format(value=value("province")))
    elif value("commune"):
        commune_code = places.parse_commune(value("commune"), province_code)
        if commune_code is None:
            province_name = places.province_name(province_code)
            fail(UNKNOWN_COMMUNE.format(value=value("commune"), province=province_name))
    group_code = groups.get(value("product_group").lower())
    if group_code is None:
        fail(UNKNOWN_GROUP.format(value=value("product_group")))
    producer_type = PRODUCER_TYPES.get(value("producer_type").lower())
    if producer_type is None:
        fail(UNKNOWN_PRODUCER_TYPE.format(value=value("producer_type")))

    status = (value("status") or "active").lower()
    if status not in (Certificate.Status.ACTIVE, Certificate.Status.REVOKED):
        fail(BAD_STATUS.format(value=value("status")))
    certificate = Certificate(
        stars=stars, score=score if score is not None and 0 <= score <= 100 else None,
        valid_from=valid_from, valid_until=valid_until, status=status, revoked_on=revoked_on,
        revocation_decision_number=value("revocation_decision"),
        decision=RecognitionDecision(level=level) if level else None,
    )
    for message in dict.fromkeys(ValidationError(certificate.rule_errors()).messages):
        fail(message)  # the model's own rules, as the /cms/ forms show them
    if errors:
        return None
    return ImportRow(
        line=line,
        decision_number=value("decision_number"),
        decision_date=decision_date,
        issuer=value("issuer"),
        level=level,
        product_code=value("product_code"),
        product_name=value("product_name"),
        gtin=gtin.zfill(14) if gtin else "",
        producer_name=value("producer_name"),
        producer_type=producer_type,
        producer_tax_code=value("producer_tax_code"),
        province_code=province_code,
        commune_code=commune_code,
        group_code=group_code,
        stars=stars,
        score=score,
        valid_from=valid_from,
        valid_until=valid_until,
        status=status,
        revocation_decision=value("revocation_decision"),
        revoked_on=revoked_on,
        revocation_reason=value("revocation_reason"),
    )


def _parse_date(text, column, fail):
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    fail(BAD_DATE.format(column=column, value=text))
    return None


def _parse_int(text):
    try:
        return int(text)
    except ValueError:
        return None


def _cross_row_errors(rows):
    errors, certificates, decisions = [], {}, {}
    for row in rows:
        key = (row.product_code, row.decision_number)
        if key in certificates and certificates[key].content() != row.content():
            errors.append(RowError(row.line, CONFLICTING_DUPLICATE.format(other=certificates[key].line)))
        certificates.setdefault(key, row)
        decision = (row.decision_date, row.level, row.issuer)
        first = decisions.setdefault(row.decision_number, (decision, row.line))
        if first[0] != decision:
            errors.append(
                RowError(row.line, CONFLICTING_DECISION.format(number=row.decision_number, other=first[1]))
            )
    return errors


def _outside_province_errors(rows, province_code):
    own = places.province_name(province_code)
    existing = dict(
        Product.objects.filter(upc__in={row.product_code for row in rows})
        .values_list("upc", "producer__province_code")
    )
    errors = []
    for row in rows:
        if row.province_code != province_code:
            province = places.province_name(row.province_code)
            errors.append(RowError(row.line, OUTSIDE_PROVINCE.format(province=province, own=own)))
        elif existing.get(row.product_code, province_code) != province_code:
            province = places.province_name(existing[row.product_code])
            errors.append(RowError(row.line, PRODUCT_OUTSIDE_PROVINCE.format(
                code=row.product_code, province=province, own=own)))
    return errors


# --- applying ----------------------------------------------------------------------------

class _DryRun(Exception):
    pass


def import_ocop(
    content: bytes, filename: str, *, dry_run: bool = False, province_code: int | None = None
) -> ImportSummary:
    """Validate and apply a file; with dry_run the summary is computed and then rolled back.
    ``province_code`` limits the file to one province's rows (see validate)."""
    rows = validate(read_table(content, filename), province_code)
    try:
        with transaction.atomic():
            summary = apply(rows)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return summary


def apply(rows: list[ImportRow]) -> ImportSummary:
    """Write validated rows: decisions, producers, products and certificates, all or none."""
    summary = ImportSummary()
    with transaction.atomic(), bulk_write():
        decisions = _decisions(rows, summary)
        producers = _producers(rows, summary)
        products = _products(rows, producers, summary)
        certificates = {
            (c.product_id, c.decision_id): c
            for c in Certificate.objects.filter(product__in=products.values())
        }
        for row in sorted(rows, key=lambda r: r.valid_from):  # renewals after what they renew
            product = products[row.product_code]
            decision = decisions[row.decision_number]
            existing = certificates.get((product.pk, decision.pk))
            if existing is None:
                certificates[(product.pk, decision.pk)] = _create_certificate(row, product, decision, summary)
            elif row.status == Certificate.Status.REVOKED and existing.status != Certificate.Status.REVOKED:
                _revoke(existing, row)
                summary.revoked += 1
            else:
                summary.unchanged += 1
    return summary


def _decisions(rows, summary):
    numbers = {row.decision_number for row in rows}
    decisions = RecognitionDecision.objects.in_bulk(numbers, field_name="number")
    for row in rows:
        if row.decision_number not in decisions:
            decisions[row.decision_number] = RecognitionDecision.objects.create(
                number=row.decision_number, decision_date=row.decision_date,
                level=row.level, authority=row.issuer,
            )
            summary.created["decisions"] += 1
    return decisions


def _producers(rows, summary):
    """Producers by tax code, else by name and province; created with their Oscar partner."""
    # Only the producers the rows may name: reading all 10,000 took most of a 1,000-row import.
    tax_codes = {row.producer_tax_code for row in rows if row.producer_tax_code}
    by_tax = {p.tax_code: p for p in Producer.objects.filter(tax_code__in=tax_codes)}
    in_provinces = Producer.objects.filter(province_code__in={row.province_code for row in rows})
    by_name = {(p.name.lower(), p.province_code): p for p in in_provinces}
    found = {}
    for row in rows:
        key = _producer_key(row)
        if key in found:
            continue
        producer = by_tax.get(row.producer_tax_code) if row.producer_tax_code else None
        producer = producer or by_name.get((row.producer_name.lower(), row.province_code))
        if producer is None:
            slug = _unique_slug(row.producer_name)
            producer = Producer.objects.create(
                name=row.producer_name, slug=slug, kind=row.producer_type, tax_code=row.producer_tax_code,
                province_code=row.province_code, commune_code=row.commune_code,
                partner=Partner.objects.create(name=row.producer_name, code=slug),
            )
            summary.created["producers"] += 1
            by_name[(producer.name.lower(), producer.province_code)] = producer
        found[key] = producer
    return found


def _producer_key(row):
    return row.producer_tax_code or (row.producer_name.lower(), row.province_code)


def _unique_slug(name):
    base = slugify(name) or "chu-the"
    slug, n = base, 2
    while Producer.objects.filter(slug=slug).exists() or Partner.objects.filter(code=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _products(rows, producers, summary):
    products = Product.objects.in_bulk({row.product_code for row in rows}, field_name="upc")
    groups = {g.code: g for g in ProductGroup.objects.all()}
    product_class = None
    for row in rows:
        if row.product_code in products:
            continue
        if product_class is None:
            product_class, _ = ProductClass.objects.get_or_create(
                name=PRODUCT_CLASS_NAME, defaults={"requires_shipping": True, "track_stock": True}
            )
        product = Product(
            upc=row.product_code, title=row.product_name, product_class=product_class, is_public=True,
            ocop_group=groups[row.group_code], producer=producers[_producer_key(row)],
            origin_province_code=row.province_code, origin_commune_code=row.commune_code, gtin=row.gtin,
        )
        product.save()
        products[row.product_code] = product
        summary.created["products"] += 1
    return products


def _create_certificate(row, product, decision, summary):
    certificate = Certificate(
        product=product, decision=decision, stars=row.stars, score=row.score,
        valid_from=row.valid_from, valid_until=row.valid_until,
    )
    newer = Certificate.objects.filter(
        product=product, status=Certificate.Status.ACTIVE, valid_from__gt=row.valid_from
    )
    if row.status == Certificate.Status.REVOKED:
        _revoke(certificate, row, save=False)
    elif newer.exists():  # an old decision imported after its renewal: history only
        certificate.status = Certificate.Status.SUPERSEDED
    else:
        # A renewal supersedes the product's older active certificates; the history stays.
        older = Certificate.objects.filter(
            product=product, status=Certificate.Status.ACTIVE, valid_from__lt=row.valid_from
        ).order_by("-valid_from")
        certificate.supersedes = older.first()
        summary.superseded += older.update(status=Certificate.Status.SUPERSEDED)
    certificate.save()
    summary.created["certificates"] += 1
    return certificate


def _revoke(certificate, row, *, save=True):
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_on = row.revoked_on
    certificate.revocation_decision_number = row.revocation_decision
    certificate.revocation_reason = row.revocation_reason
    if save:
        certificate.save(
            update_fields=["status", "revoked_on", "revocation_decision_number", "revocation_reason"]
        )
