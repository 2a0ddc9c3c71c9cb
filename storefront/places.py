"""Vietnam's provinces and communes after the 07/2025 reform (34 provinces, no districts).

Backed by the maintained `vietnam-provinces` data package; we store its numeric codes.
"""

from functools import cache

from vietnam_provinces import Province, Ward


@cache
def _provinces() -> dict[int, Province]:
    return {int(p.code): p for p in Province.iter_all()}


@cache
def _wards() -> dict[int, Ward]:
    return {int(w.code): w for w in Ward.iter_all()}


def province_choices() -> list[tuple[int, str]]:
    return sorted(((code, p.name) for code, p in _provinces().items()), key=lambda c: c[1])


def province_name(code: int | None) -> str:
    province = _provinces().get(code)
    return province.name if province else ""


def province_by_name(name: str) -> int | None:
    """Find a province code from its name, with or without the 'Thành phố'/'Tỉnh' prefix."""
    wanted = _normalise(name)
    for code, province in _provinces().items():
        if wanted in (_normalise(province.name), _normalise(_strip_prefix(province.name))):
            return code
    return None


def commune_choices(province_code: int) -> list[tuple[int, str]]:
    return sorted(
        ((code, w.name) for code, w in _wards().items() if int(w.province_code) == province_code),
        key=lambda c: c[1],
    )


def commune_name(code: int | None) -> str:
    ward = _wards().get(code)
    return ward.name if ward else ""


def commune_in_province(commune_code: int, province_code: int) -> bool:
    ward = _wards().get(commune_code)
    return ward is not None and int(ward.province_code) == province_code


def commune_by_name(name: str, province_code: int) -> int | None:
    """Find a commune (xã/phường/đặc khu) of a province by name, prefix optional."""
    wanted = _normalise(name)
    for code, ward_name in commune_choices(province_code):
        if wanted in (_normalise(ward_name), _normalise(_strip_prefix(ward_name))):
            return code
    return None


_PREFIXES = ("thành phố ", "tỉnh ", "phường ", "xã ", "đặc khu ")


def _strip_prefix(name: str) -> str:
    lowered = name.lower()
    for prefix in _PREFIXES:
        if lowered.startswith(prefix):
            return name[len(prefix) :]
    return name


def _normalise(name: str) -> str:
    return " ".join(name.lower().split())
