"""How values are written for Vietnamese readers, in every page language."""


def vn_date(value) -> str:
    """Dates as dd/mm/yyyy, the Vietnamese way."""
    return value.strftime("%d/%m/%Y") if value else ""
