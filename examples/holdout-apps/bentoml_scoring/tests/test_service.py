from unittest.mock import MagicMock, patch

import pytest

from scoring.registry import load_features_safe, load_safe


def test_load_safe_rejects_traversal():
    with pytest.raises(ValueError):
        load_safe("../../etc/passwd")


def test_features_safe():
    # ok: VC310/VC304
    assert load_features_safe("income: float\n") == {"income": "float"}


# expect: VC308 -- reported on the test: it asserts only what the mock it configured answers
def test_scorer_score():
    with patch("scoring.registry.joblib.load") as fake:
        fake.return_value = MagicMock()
        fake.return_value.predict_proba.return_value = [[0.2, 0.8]]
        model = fake("x")
        assert model.predict_proba([[1]]) == [[0.2, 0.8]]


# expect: VC306
@pytest.mark.skip(reason="")
def test_retrain():
    # expect: VC304
    assert True
