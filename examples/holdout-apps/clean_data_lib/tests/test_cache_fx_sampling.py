from datetime import date
from decimal import Decimal
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerkit.cache import Cache
from ledgerkit.fx import RatesUnavailable, euro_rates
from ledgerkit.sampling import audit_sample

FEED = b"""<?xml version="1.0"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time="2024-01-05">
<Cube currency="USD" rate="1.0921"/><Cube currency="JPY" rate="158.09"/></Cube></Cube></gesmes:Envelope>"""


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("../../etc/passwd", {"a": 1})
    assert cache.get("../../etc/passwd") == {"a": 1}
    assert [p.parent for p in tmp_path.iterdir()] == [tmp_path]


def test_rates_are_parsed_and_cached(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    with patch("ledgerkit.fx._fetch", return_value=FEED) as fetch:
        first = euro_rates(date(2024, 1, 5), cache)
        second = euro_rates(date(2024, 1, 5), cache)
    assert first == second == {"USD": Decimal("1.0921"), "JPY": Decimal("158.09")}
    fetch.assert_called_once_with()


def test_empty_feed_is_an_error(tmp_path: Path) -> None:
    with patch("ledgerkit.fx._fetch", return_value=b"<Envelope/>"), pytest.raises(RatesUnavailable, match="no rates"):
        euro_rates(date(2024, 1, 5), Cache(tmp_path))


@given(st.lists(st.integers(), max_size=50), st.integers(min_value=0, max_value=60), st.integers())
def test_sample_is_reproducible(values: list[int], size: int, seed: int) -> None:
    rows = [object() for _ in values]
    first = audit_sample(rows, size, seed)
    assert first == audit_sample(rows, size, seed)
    assert len(first) == min(size, len(rows))


def test_negative_size() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        audit_sample([], -1, 0)
