"""Invitations: how producers' people and officers get their accounts (django-invitations' model
base, with what the invitation grants: a producer, or an officer role in a province)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _
from invitations.app_settings import app_settings
from invitations.base_invitation import AbstractBaseInvitation

import places
from catalogue.models import Producer


class Invitation(AbstractBaseInvitation):
    class Role(models.TextChoices):
        PRODUCER = "producer", _("Người của chủ thể OCOP")
        TRADE_OFFICER = "trade_officer", _("Cán bộ Sở Công Thương")
        CERTIFICATION_OFFICER = "certification_officer", _("Cán bộ văn phòng OCOP tỉnh")

    email = models.EmailField(_("email"), max_length=app_settings.EMAIL_MAX_LENGTH)
    created = models.DateTimeField(_("ngày tạo"), default=timezone.now)
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations",
        verbose_name=_("chủ thể OCOP"),
    )
    province_code = models.PositiveSmallIntegerField(
        _("tỉnh/thành phố"), null=True, blank=True, choices=places.province_choices
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("tài khoản đã nhận"),
    )
    accepted_at = models.DateTimeField(_("ngày nhận"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("lời mời")
        verbose_name_plural = _("lời mời")
        constraints = [
            # What an invitation grants is fixed when it is made: a producer, or a role in a province.
            models.CheckConstraint(
                condition=(Q(role="producer", producer__isnull=False, province_code__isnull=True)
                           | (~Q(role="producer") & Q(producer__isnull=True, province_code__isnull=False))),
                name="invitation_grants_one_thing",
            ),
        ]

    @classmethod
    def create(cls, email, inviter=None, **kwargs):
        return cls._default_manager.create(email=email, key=get_random_string(64).lower(), inviter=inviter,
                                           **kwargs)

    def key_expired(self):
        sent = self.sent or self.created
        return sent + timedelta(days=app_settings.INVITATION_EXPIRY) <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.accepted and not self.key_expired()

    @property
    def grants(self) -> str:
        """What accepting gives, in words: "Người của chủ thể OCOP — HTX Muối Cần Giờ"."""
        where = self.producer.name if self.producer_id else places.province_name(self.province_code)
        return f"{self.get_role_display()} — {where}"

    def __str__(self):
        return f"{self.email}: {self.grants}"
