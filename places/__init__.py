"""Vietnam's provinces and communes after the 07/2025 reform (34 provinces, no districts).

Backed by the maintained `vietnam-provinces` data package; we store its numeric codes and show
names from it. `parse_province` and `parse_commune` are the one way to read a place typed by a
person or found in a file: a code, or a name with or without diacritics and with or without its
prefix ("TP.", "Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu").
"""

import re
import unicodedata
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


def parse_province(value) -> int | None:
    """The code of a province given as its code or its name ("TP. Hồ Chí Minh", "ho chi minh", "79")."""
    text = str(value or "").strip()
    if text.isdecimal():
        return int(text) if int(text) in _provinces() else None
    return _lookup(_province_names(), text)


def parse_commune(value, province_code: int | None) -> int | None:
    """The code of a commune (xã/phường/đặc khu) of the province, given as its code or its name."""
    text = str(value or "").strip()
    if province_code is None:
        return None
    if text.isdecimal():
        code = int(text)
        return code if commune_in_province(code, province_code) else None
    return _lookup(_commune_names(province_code), text)


_PREFIX = re.compile(r"^(?:(?:thanh pho|tinh|phuong|xa|dac khu)\s+|(?:tp|p|x)\.\s*|tp\s+)")


def _fold(text: str) -> str:
    """Lowercase without diacritics ("Đặc khu Cần Giờ" → "dac khu can gio"), spaces folded."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.split())


@cache
def _province_names() -> tuple[dict[str, int], dict[str, int]]:
    return _index(province_choices())


@cache
def _commune_names(province_code: int) -> tuple[dict[str, int], dict[str, int]]:
    return _index(commune_choices(province_code))


def _index(named: list[tuple[int, str]]) -> tuple[dict[str, int], dict[str, int]]:
    """Codes by whole folded name, and by folded name without its prefix."""
    whole, bare = {}, {}
    for code, name in named:
        folded = _fold(name)
        whole[folded] = code
        bare.setdefault(_PREFIX.sub("", folded, count=1), code)
    return whole, bare


def _lookup(names: tuple[dict[str, int], dict[str, int]], text: str) -> int | None:
    # The name as typed wins over one read without a prefix: "Xa La" is a name, not "Xã La".
    whole, bare = names
    folded = _fold(text)
    for key, table in ((folded, whole), (folded, bare), (_PREFIX.sub("", folded, count=1), bare)):
        if key in table:
            return table[key]
    return None
