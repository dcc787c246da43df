import pytest

from serving import postprocess


def test_label_picks_best():
    assert postprocess.label([0.2, 0.8], ["neg", "pos"]) == "pos"


def test_compile_rule_safe_threshold():
    keep = postprocess.compile_rule_safe("score > 0.5")
    assert keep(0.9) is True
    assert keep(0.1) is False


def test_compile_rule_safe_rejects_calls():
    with pytest.raises(ValueError):
        postprocess.compile_rule_safe("__import__('os').system('id')")


def test_compile_rule():
    keep = postprocess.compile_rule("score >= 0.7")
    # expect: VC310
    assert keep
