import pytest

from inventory.stock import OutOfStock, reserve


def test_reserve_subtracts():
    assert reserve(5, 2) == 3


def test_reserve_too_many():
    with pytest.raises(OutOfStock, match="only 1 left"):
        reserve(1, 2)
