"""Who may change what: trade officers act within their own province, operators on their own point.

Plain functions over objects that have a ``province_code`` (sales points, trade fairs), used by
the admin views and tests; superusers may do everything.
"""


def officer_province(user) -> int | None:
    """The province a trade officer works for, None for anyone else."""
    officer = getattr(user, "trade_officer", None) if user.is_authenticated else None
    return officer.province_code if officer else None


def can_manage(user, obj) -> bool:
    """Superusers, or a trade officer of ``obj``'s province."""
    if not user.is_authenticated:
        return False
    province = officer_province(user)
    return user.is_superuser or (province is not None and province == obj.province_code)


def managed(user, queryset):
    """Restrict ``queryset`` (of objects with a province) to what ``user`` may manage."""
    if user.is_superuser:
        return queryset
    province = officer_province(user)
    return queryset.filter(province_code=province) if province is not None else queryset.none()


def can_keep_stock(user, sales_point) -> bool:
    """Whoever manages the point, or one of its own operators."""
    return can_manage(user, sales_point) or (
        user.is_authenticated and sales_point.operators.filter(pk=user.pk).exists()
    )
