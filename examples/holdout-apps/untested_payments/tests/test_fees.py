import pytest

from payments import fees


@pytest.mark.parametrize(
    ("name", "amount", "expected"),
    [("flat_fee", 1000, 30), ("percent_fee", 1000, 29), ("total_fee", 1000, 59)],
)
def test_fee_functions(name, amount, expected):
    assert getattr(fees, name)(amount) == expected
