"""OCOP data on top of Oscar's catalogue: producers, product groups, decisions, certificates."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct

import places
from catalogue.certification import certificate_is_valid_on, certificate_status, is_listable, local_today
from gs1.gtin import validate_gtin
from uploads import ContentTypeValidator

CERTIFICATE_VALIDITY = relativedelta(months=36)
# Decision 148/QĐ-TTg: 50–69 points 3★, 70–89 4★, 90–100 5★; 1★ and 2★ are not certified.
SCORE_BANDS = {3: (50, 69), 4: (70, 89), 5: (90, 100)}

# The rules of a certificate, in the words every form, the importer and the API show (tests import them).
STARS_NOT_CERTIFIED = _("Số sao phải từ 3 đến 5: sản phẩm 1–2 sao không được công nhận OCOP.")
SCORE_OUTSIDE_BAND = _(
    "Điểm %(score)s không khớp với %(stars)s sao (3 sao: 50–69, 4 sao: 70–89, 5 sao: 90–100)."
)
FIVE_STARS_NATIONAL_ONLY = _("Sản phẩm 5 sao phải do cấp quốc gia (Bộ) công nhận.")
REVOCATION_INCOMPLETE = _("Chứng nhận bị thu hồi cần ngày thu hồi và số quyết định thu hồi.")
VALIDITY_ORDER = _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")
MAX_DOCUMENT_SIZE = 10 * 1024 * 1024


def validate_document_size(document):
    if document.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(_("Tệp lớn hơn 10 MB."), code="file_too_large")


class VietnameseColumns:
    """Translated fields (translation.py) write their original column in Vietnamese, whatever the
    language of the request that saves: search, the page cache's triggers and the change log read it."""

    def save(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)


class ProductGroup(VietnameseColumns, models.Model):
    """One of the six OCOP product groups; kept as data so the list can change without code."""

    code = models.SlugField(_("mã"), unique=True)
    name = models.CharField(_("tên"), max_length=128)  # and name_en, name_zh_hans, name_ko (translation.py)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("nhóm sản phẩm OCOP")
        verbose_name_plural = _("nhóm sản phẩm OCOP")

    def __str__(self):
        return self.name


class Address(models.Model):
    """Post-07/2025 address: province + commune/ward + street; districts only as legacy text."""

    province_code = models.PositiveSmallIntegerField(_("tỉnh/thành phố"), choices=places.province_choices)
    commune_code = models.PositiveIntegerField(_("xã/phường/đặc khu"), null=True, blank=True)
    street = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    legacy_district = models.CharField(_("huyện (cũ)"), max_length=128, blank=True)

    class Meta:
        abstract = True

    @property
    def province_name(self):
        return places.province_name(self.province_code)

    @property
    def commune_name(self):
        return places.commune_name(self.commune_code)

    def clean(self):
        super().clean()
        if self.commune_code and not places.commune_in_province(self.commune_code, self.province_code):
            raise ValidationError({"commune_code": _("Xã/phường không thuộc tỉnh/thành phố đã chọn.")})


class Located(models.Model):
    latitude = models.DecimalField(_("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        abstract = True


class Producer(Address, Located):
    """A chủ thể OCOP: the cooperative, company, farm or household that makes the products."""

    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
        ENTERPRISE = "enterprise", _("Doanh nghiệp nhỏ và vừa")
        FARM = "farm", _("Trang trại")
        HOUSEHOLD = "household", _("Hộ sản xuất có đăng ký kinh doanh")

    name = models.CharField(_("tên chủ thể"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("loại hình"), max_length=32, choices=Kind.choices)
    tax_code = models.CharField(_("mã số thuế"), max_length=20, blank=True)
    representative = models.CharField(_("người đại diện"), max_length=128, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.PROTECT, related_name="producer", verbose_name=_("đối tác")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("chủ thể OCOP")
        verbose_name_plural = _("chủ thể OCOP")
        constraints = [
            models.UniqueConstraint(
                fields=["tax_code"], condition=~models.Q(tax_code=""), name="producer_unique_tax_code"
            )
        ]

    def __str__(self):
        return self.name

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.province_code}


class Product(VietnameseColumns, AbstractProduct):
    ocop_group = models.ForeignKey(
        ProductGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="products",
        verbose_name=_("nhóm sản phẩm OCOP"),
    )
    producer = models.ForeignKey(
        Producer, on_delete=models.PROTECT, null=True, blank=True, related_name="products",
        verbose_name=_("chủ thể OCOP"),
    )
    origin_province_code = models.PositiveSmallIntegerField(
        _("tỉnh/thành phố xuất xứ"), choices=places.province_choices, null=True, blank=True, db_index=True
    )
    origin_commune_code = models.PositiveIntegerField(_("xã/phường xuất xứ"), null=True, blank=True)
    gtin = models.CharField(
        _("mã GTIN"), max_length=14, blank=True, db_index=True, validators=[validate_gtin]
    )
    # Moved by database triggers on every change its pages show (pagecache.triggers): never set it.
    version = models.BigIntegerField(default=1, editable=False)

    @property
    def origin_province_name(self):
        return places.province_name(self.origin_province_code)

    @property
    def origin_commune_name(self):
        return places.commune_name(self.origin_commune_code)

    def is_listable(self, today=None):
        return is_listable(self, today=today)

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.producer.province_code if self.producer_id else None}

    def current_certificate(self, today=None):
        """The certificate that makes the product listable today, else its newest one."""
        day = today or local_today()
        certificates = sorted(self.certificates.all(), key=lambda c: c.valid_from, reverse=True)
        valid = [c for c in certificates if certificate_is_valid_on(c, day)]
        return (valid or certificates or [None])[0]

    def clean(self):
        super().clean()
        if self.origin_commune_code and not places.commune_in_province(
            self.origin_commune_code, self.origin_province_code
        ):
            raise ValidationError(
                {"origin_commune_code": _("Xã/phường không thuộc tỉnh/thành phố đã chọn.")}
            )


class RecognitionDecision(models.Model):
    """A decision (quyết định) of a People's Committee or the ministry recognising OCOP products."""

    class Level(models.TextChoices):
        DISTRICT = "district", _("Cấp huyện")
        PROVINCE = "province", _("Cấp tỉnh")
        NATIONAL = "national", _("Cấp quốc gia")

    number = models.CharField(_("số quyết định"), max_length=64, unique=True)
    decision_date = models.DateField(_("ngày quyết định"))
    level = models.CharField(_("cấp công nhận"), max_length=16, choices=Level.choices)
    authority = models.CharField(_("cơ quan ban hành"), max_length=255)
    signer = models.CharField(_("người ký"), max_length=128, blank=True)
    document = models.FileField(
        _("bản scan (PDF)"), upload_to="decisions/", blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_document_size, ContentTypeValidator(["pdf"])],
    )

    class Meta:
        ordering = ["-decision_date"]
        verbose_name = _("quyết định công nhận")
        verbose_name_plural = _("quyết định công nhận")

    def __str__(self):
        return self.number


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day):
        from catalogue.certification import certificate_valid_on_q

        return self.filter(certificate_valid_on_q(day))

    def expiring_within(self, *, days, today=None):
        day = today or local_today()
        return self.valid_on(day).filter(valid_until__lte=day + relativedelta(days=days))


LIVE_STATUS_LABELS = {
    "active": _("Còn hiệu lực"),
    "expired": _("Đã hết hạn"),
    "revoked": _("Đã thu hồi"),
    "superseded": _("Đã được thay thế"),
}


class Certificate(models.Model):
    """An OCOP certificate of one product, from one decision; history is kept, never deleted."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Còn hiệu lực")
        REVOKED = "revoked", _("Đã thu hồi")
        SUPERSEDED = "superseded", _("Đã được thay thế")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("sản phẩm")
    )
    decision = models.ForeignKey(
        RecognitionDecision, on_delete=models.PROTECT, related_name="certificates",
        verbose_name=_("quyết định"),
    )
    stars = models.PositiveSmallIntegerField(_("số sao"))
    score = models.PositiveSmallIntegerField(_("điểm"), null=True, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_until = models.DateField(_("hiệu lực đến"))
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    revocation_decision_number = models.CharField(_("số quyết định thu hồi"), max_length=64, blank=True)
    revoked_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)
    revocation_reason = models.TextField(_("lý do thu hồi"), blank=True)
    expiry_warning_sent_on = models.DateField(_("đã báo sắp hết hạn ngày"), null=True, blank=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="superseded_by",
        verbose_name=_("thay thế chứng nhận"),
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("giấy chứng nhận OCOP")
        verbose_name_plural = _("giấy chứng nhận OCOP")
        constraints = [
            models.UniqueConstraint(fields=["product", "decision"], name="certificate_unique_per_decision"),
            # What SQL can say of the rules in clean(); the 5★ level lives on the decision's row.
            models.CheckConstraint(
                condition=models.Q(stars__gte=3, stars__lte=5), name="certificate_stars_3_to_5",
                violation_error_message=STARS_NOT_CERTIFIED,
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(
                    *(models.Q(stars=stars, score__gte=low, score__lte=high)
                      for stars, (low, high) in SCORE_BANDS.items()),
                    _connector=models.Q.OR,
                ),
                name="certificate_score_in_star_band",
                violation_error_message=_(
                    "Điểm không khớp với số sao (3 sao: 50–69, 4 sao: 70–89, 5 sao: 90–100)."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="certificate_valid_until_after_from",
                violation_error_message=VALIDITY_ORDER,
            ),
            models.CheckConstraint(
                condition=~models.Q(status="revoked")
                | (models.Q(revoked_on__isnull=False) & ~models.Q(revocation_decision_number="")),
                name="certificate_revocation_complete",
                violation_error_message=REVOCATION_INCOMPLETE,
            ),
        ]

    def __str__(self):
        return f"{self.product} — {self.stars}★ ({self.decision})"

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.product.producer.province_code if self.product.producer_id else None}

    def clean(self):
        if errors := self.rule_errors():
            raise ValidationError(errors)

    def rule_errors(self) -> dict[str, list[ValidationError]]:
        """Every OCOP rule this certificate breaks, by field (148/QĐ-TTg, 1489/QĐ-TTg).

        Needs no database: the importer checks a whole file with it before writing a row.
        """
        errors = {}

        def fail(field, message, **params):
            errors.setdefault(field, []).append(ValidationError(message, code=field, params=params or None))

        if self.stars not in SCORE_BANDS:
            fail("stars", STARS_NOT_CERTIFIED)
        elif self.score is not None:
            low, high = SCORE_BANDS[self.stars]
            if not low <= self.score <= high:
                fail("score", SCORE_OUTSIDE_BAND, score=self.score, stars=self.stars)
        try:
            level = self.decision.level
        except ObjectDoesNotExist:  # no decision chosen yet: the form says so on its own field
            level = None
        if self.stars == 5 and level and level != RecognitionDecision.Level.NATIONAL:
            fail("stars", FIVE_STARS_NATIONAL_ONLY)
        if self.status == self.Status.REVOKED:
            if not self.revoked_on:
                fail("revoked_on", REVOCATION_INCOMPLETE)
            if not self.revocation_decision_number.strip():
                fail("revocation_decision_number", REVOCATION_INCOMPLETE)
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            fail("valid_until", VALIDITY_ORDER)
        return errors

    @staticmethod
    def default_valid_until(valid_from):
        return valid_from + CERTIFICATE_VALIDITY

    def is_valid_on(self, day):
        return certificate_is_valid_on(self, day)

    @admin.display(description=_("trạng thái hiện tại"))
    def live_status(self):
        """Status as of today, with "expired" derived from the dates (for admin listings)."""
        return LIVE_STATUS_LABELS[certificate_status(self)]


from oscar.apps.catalogue.models import *  # noqa: E402,F403  Oscar: custom models first
