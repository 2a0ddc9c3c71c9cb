"""Traceability: raw-material areas, lots, trace events (EPCIS what/when/where/why), stamps, scans."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Address, Located, Producer, Product
from formats import vn_date
from gs1.keys import QUALIFIER_MAX_LENGTH, validate_ai82
from uploads import pdf_validators

AREA_OUTSIDE_PROVINCE = _("Vùng nguyên liệu phải nằm trong tỉnh/thành phố của chủ thể (%(province)s).")
DUPLICATE_LOT = _("Sản phẩm này đã có lô mang số này: hãy dùng số lô khác.")
EXPIRES_BEFORE_PRODUCED = _("Hạn sử dụng không thể trước ngày sản xuất.")
EVENT_BEFORE_LOT = _("Sự kiện không thể xảy ra trước ngày sản xuất của lô (%(date)s).")
AREA_OF_ANOTHER_PRODUCER = _("Vùng nguyên liệu này không thuộc chủ thể làm ra lô.")


class RawMaterialArea(Address, Located):
    """A vùng nguyên liệu: where the raw material of a product is grown, raised or gathered."""

    class Kind(models.TextChoices):
        CROPS = "crops", _("Trồng trọt")
        LIVESTOCK = "livestock", _("Chăn nuôi")
        AQUACULTURE = "aquaculture", _("Nuôi trồng thủy sản")
        HARVESTING = "harvesting", _("Khai thác")

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="raw_material_areas", verbose_name=_("chủ thể")
    )
    name = models.CharField(_("tên vùng"), max_length=255)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    # Area codes (mã số vùng trồng/vùng nuôi) have no single national format: kept opaque.
    area_code = models.CharField(_("mã số vùng"), max_length=64, blank=True)
    code_issuer = models.CharField(_("cơ quan cấp mã"), max_length=255, blank=True)
    code_market = models.CharField(_("thị trường"), max_length=64, blank=True)
    code_issued_on = models.DateField(_("ngày cấp mã"), null=True, blank=True)
    boundary = models.JSONField(_("ranh giới (GeoJSON)"), null=True, blank=True)
    hectares = models.DecimalField(
        _("diện tích (ha)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ảnh"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("vùng nguyên liệu")
        verbose_name_plural = _("vùng nguyên liệu")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.producer_id and self.province_code and self.province_code != self.producer.province_code:
            message = AREA_OUTSIDE_PROVINCE % {"province": self.producer.province_name}
            raise ValidationError({"province_code": message})


class AreaStandard(models.Model):
    class Standard(models.TextChoices):
        VIETGAP = "vietgap", "VietGAP"
        GLOBALGAP = "globalgap", "GlobalGAP"
        ORGANIC = "organic", _("Hữu cơ")
        HACCP = "haccp", "HACCP"
        ISO22000 = "iso22000", "ISO 22000"

    area = models.ForeignKey(RawMaterialArea, on_delete=models.CASCADE, related_name="standards")
    standard = models.CharField(_("tiêu chuẩn"), max_length=16, choices=Standard.choices)
    certificate_number = models.CharField(_("số chứng nhận"), max_length=64)
    issuer = models.CharField(_("tổ chức chứng nhận"), max_length=255)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_until = models.DateField(_("hiệu lực đến"))

    class Meta:
        ordering = ["standard"]
        verbose_name = _("tiêu chuẩn vùng nguyên liệu")
        verbose_name_plural = _("tiêu chuẩn vùng nguyên liệu")

    def __str__(self):
        return f"{self.get_standard_display()} {self.certificate_number}"


class Lot(models.Model):
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="lots", verbose_name=_("sản phẩm")
    )
    # GS1 AI 10: what a Digital Link may carry
    code = models.CharField(_("số lô"), max_length=QUALIFIER_MAX_LENGTH, validators=[validate_ai82])
    produced_on = models.DateField(_("ngày sản xuất"))
    expires_on = models.DateField(_("hạn sử dụng"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng"), default=0)
    areas = models.ManyToManyField(
        RawMaterialArea, blank=True, related_name="lots", verbose_name=_("vùng nguyên liệu")
    )
    # Moved by database triggers on every change its trace pages show (pagecache.triggers).
    version = models.BigIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-produced_on"]
        verbose_name = _("lô sản xuất")
        verbose_name_plural = _("lô sản xuất")
        constraints = [models.UniqueConstraint(
            fields=["product", "code"], name="lot_unique_per_product", violation_error_message=DUPLICATE_LOT,
        )]

    def __str__(self):
        return f"{self.product} — {self.code}"

    def clean(self):
        super().clean()
        if self.expires_on and self.produced_on and self.expires_on < self.produced_on:
            raise ValidationError({"expires_on": EXPIRES_BEFORE_PRODUCED})


class TraceEvent(models.Model):
    """One EPCIS event of a lot: what (the lot), when, where and why (the business step)."""

    class Step(models.TextChoices):
        HARVESTING = "harvesting", _("Thu hoạch")
        PROCESSING = "processing", _("Chế biến")
        PACKING = "packing", _("Đóng gói")
        INSPECTING = "inspecting", _("Kiểm nghiệm")
        SHIPPING = "shipping", _("Vận chuyển")
        RETAIL = "retail_selling", _("Bán lẻ")

    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="events", verbose_name=_("lô"))
    step = models.CharField(_("công đoạn"), max_length=16, choices=Step.choices)
    occurred_at = models.DateTimeField(_("thời điểm"))
    place = models.CharField(_("địa điểm"), max_length=255)
    # Where it happened, when that is one of the producer's areas: its location URI in EPCIS.
    area = models.ForeignKey(
        RawMaterialArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="events",
        verbose_name=_("tại vùng nguyên liệu"),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    attachment = models.FileField(
        _("tài liệu (PDF)"), upload_to="trace/", blank=True,
        validators=[FileExtensionValidator(["pdf"]), *pdf_validators()],
    )

    class Meta:
        ordering = ["occurred_at"]
        verbose_name = _("sự kiện truy xuất")
        verbose_name_plural = _("sự kiện truy xuất")

    def __str__(self):
        return f"{self.get_step_display()} — {self.lot}"

    def clean(self):
        super().clean()
        if not self.lot_id:
            return
        lot = self.lot
        if self.occurred_at and timezone.localdate(self.occurred_at) < lot.produced_on:
            raise ValidationError({"occurred_at": EVENT_BEFORE_LOT % {"date": vn_date(lot.produced_on)}})
        if self.area_id and self.area.producer_id != lot.product.producer_id:
            raise ValidationError({"area": AREA_OF_ANOTHER_PRODUCER})


class Stamp(models.Model):
    """A unit stamp: a random, unguessable serial printed as a QR code on one item."""

    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="stamps", verbose_name=_("lô"))
    serial = models.CharField(_("số sê-ri"), max_length=32, unique=True)
    # The 22-character serial of a stamp printed before serials fitted GS1's 20 (AI 21): it was
    # replaced by a valid one, and still leads to this stamp.
    legacy_serial = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    # Running totals kept with each scan, so the stamp page needs no aggregate query.
    first_scanned_at = models.DateTimeField(_("lần quét đầu"), null=True, blank=True)
    scan_count = models.PositiveIntegerField(_("số lần quét"), default=0)
    client_count = models.PositiveIntegerField(_("số thiết bị quét"), default=0)

    class Meta:
        verbose_name = _("tem")
        verbose_name_plural = _("tem")

    def __str__(self):
        # Never the whole serial: Wagtail shows str() in choosers, bulk-action and usage pages to
        # admin users of other producers, and the serial is what makes a stamp genuine.
        return f"…{self.serial[-4:]} ({self.lot.code})"


class Scan(models.Model):
    """One check of a stamp's page. Only a keyed hash of the client is kept, no personal data."""

    stamp = models.ForeignKey(Stamp, on_delete=models.CASCADE, related_name="scans")
    scanned_at = models.DateTimeField(auto_now_add=True, db_index=True)
    client = models.CharField(max_length=16)

    class Meta:
        verbose_name = _("lượt quét")
        verbose_name_plural = _("lượt quét")
        indexes = [
            models.Index(fields=["stamp", "scanned_at"]),
            models.Index(fields=["stamp", "client"], name="scan_stamp_client_idx"),  # distinct clients
        ]

    def __str__(self):
        return f"{self.stamp} @ {self.scanned_at:%d/%m/%Y %H:%M}"


class CaptureToken(models.Model):
    """A producer's key for sending EPCIS events by machine (POST /api/v1/epcis/capture).

    Only a hash is stored: the key is shown once, when made.
    """

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="capture_tokens", verbose_name=_("chủ thể")
    )
    name = models.CharField(_("tên khóa"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("lần dùng gần nhất"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("khóa gửi dữ liệu EPCIS")
        verbose_name_plural = _("khóa gửi dữ liệu EPCIS")

    def __str__(self):
        return f"{self.name} ({self.producer})"
