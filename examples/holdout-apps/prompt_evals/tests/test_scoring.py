from unittest.mock import patch

import pytest

from evals import scoring


@pytest.mark.parametrize(("answer", "reference", "expected"), [
    ("Paris", "paris", 1.0),
    (" paris ", "Paris", 1.0),
    ("Lyon", "Paris", 0.0),
])
def test_exact(answer, reference, expected):
    assert scoring.exact(answer, reference) == expected


def test_numeric_tolerance():
    assert scoring.numeric("3.14159", "3.1416", tolerance=1e-3) == 1.0
    assert scoring.numeric("__import__('os')", "1") == 0.0


def test_judge_json_clamps_score():
    with patch.object(scoring, "complete", return_value='{"score": 7, "reason": "great"}'):
        score, reason = scoring.judge_json("q", "a", "r")
    assert score == 1.0
    assert reason == "great"


def test_judge():
    with patch.object(scoring, "complete", return_value='{"score": 0.5, "reason": "ok"}'):
        score, _ = scoring.judge("q", "a", "r")
    # expect: VC310
    assert score


# expect: VC303
def test_code_pass_rate():
    scoring.code_pass_rate("def f():\n    return 1", "assert f() == 1")


def test_regex_matches():
    result = scoring.regex("the answer is 42", r"\b42\b")
    # expect: VC304
    assert result == 1.0 or result == 0.0
