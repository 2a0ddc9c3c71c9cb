"""VietQR: the EMVCo merchant-presented QR that Vietnamese banking apps read for a transfer (NAPAS 247).

The payload is a list of ID-length-value fields; field 38 names the receiving bank (BIN) and
account, 54 the amount in VND, 62/08 the transfer note (our order number), and 63 ends it with a
CRC-16/CCITT-FALSE over everything before it, its own ID and length included.
"""

import base64
import io
from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_M

NAPAS_GUID = "A000000727"
TRANSFER_TO_ACCOUNT = "QRIBFTTA"
VND = "704"


@dataclass(frozen=True)
class BankAccount:
    bin: str  # the bank's 6-digit NAPAS BIN, e.g. 970436 (Vietcombank)
    number: str
    name: str


def field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"VietQR field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, initial 0xFFFF), as EMVCo specifies."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def payload(account: BankAccount, amount: int, note: str) -> str:
    """The QR text for a transfer of ``amount`` VND to ``account`` with ``note`` as its message."""
    if amount <= 0:
        raise ValueError("a VietQR transfer needs a positive amount")
    beneficiary = field("00", account.bin) + field("01", account.number)
    body = "".join([
        field("00", "01"),  # payload format
        field("01", "12"),  # dynamic: this QR is for one payment
        field("38", field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TRANSFER_TO_ACCOUNT)),
        field("53", VND),
        field("54", str(int(amount))),
        field("58", "VN"),
        field("62", field("08", note)),
        "6304",
    ])
    return f"{body}{crc16_ccitt(body.encode()):04X}"


def parse(text: str) -> dict[str, str]:
    """The top-level fields of a payload (for checks and tests); nested ones stay as their text."""
    fields, position = {}, 0
    while position < len(text):
        tag, length = text[position : position + 2], int(text[position + 2 : position + 4])
        fields[tag] = text[position + 4 : position + 4 + length]
        position += 4 + length
    return fields


def is_valid(text: str) -> bool:
    return len(text) > 8 and text[-8:-4] == "6304" and int(text[-4:], 16) == crc16_ccitt(text[:-4].encode())


def png_data_uri(text: str) -> str:
    """The QR as an inline PNG (medium error correction, quiet zone kept)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=8, border=4)
    code.add_data(text)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
