import base64
import io

import pytest
import zxingcpp
from PIL import Image

from checkout import vietqr

ACCOUNT = vietqr.BankAccount(bin="970436", number="0011004395921", name="CONG TY OCOP MARKET")


def test_crc_is_ccitt_false():
    assert vietqr.crc16_ccitt(b"123456789") == 0x29B1  # the standard check value


def test_payload_carries_bank_account_amount_and_note_and_a_valid_crc():
    text = vietqr.payload(ACCOUNT, 215000, "100042")
    fields = vietqr.parse(text)

    assert fields["00"] == "01" and fields["53"] == "704" and fields["58"] == "VN"
    assert fields["54"] == "215000"
    assert fields["38"] == "0010A000000727" + "0127" + "0006970436" + "01130011004395921" + "0208QRIBFTTA"
    assert fields["62"] == "0806100042"
    assert vietqr.is_valid(text)
    assert not vietqr.is_valid(text[:-1] + ("0" if text[-1] != "0" else "1"))


def test_a_real_decoder_reads_the_png_back():
    text = vietqr.payload(ACCOUNT, 150000, "100007")
    png = vietqr.png_data_uri(text).removeprefix("data:image/png;base64,")
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(base64.b64decode(png))))
    assert [code.text for code in decoded] == [text]


@pytest.mark.parametrize("amount", [0, -5])
def test_a_transfer_needs_a_positive_amount(amount):
    with pytest.raises(ValueError):
        vietqr.payload(ACCOUNT, amount, "100001")
