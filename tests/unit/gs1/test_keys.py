import pytest
from django.core.exceptions import ValidationError

from gs1.keys import validate_ai82


@pytest.mark.parametrize("code", ["L2026-001", "a", "A" * 20, "LOT/7.1_x", "(1)+2=3?"])
def test_lot_codes_of_gs1_characters_up_to_20_pass(code):
    validate_ai82(code)


@pytest.mark.parametrize("code", ["", "A" * 21, "lô 1", "L 1", "L1\n", "L#1", "L[1]", "L~1"])
def test_other_lot_codes_are_refused_with_a_message(code):
    with pytest.raises(ValidationError) as refused:
        validate_ai82(code)
    assert "20 ký tự" in refused.value.messages[0]
