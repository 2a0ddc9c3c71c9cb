import pytest

from salespoints.selectors import Coordinates, parse_coordinates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.4862,106.8012", Coordinates(10.4862, 106.8012)),
        (" 16.4010 , 107.7029 ", Coordinates(16.401, 107.7029)),
        ("91,106", None),
        ("10.4,181", None),
        ("10.4", None),
        ("abc,def", None),
        ("", None),
    ],
)
def test_near_parameter_is_read_as_lat_lon_in_degrees(text, expected):
    assert parse_coordinates(text) == expected
