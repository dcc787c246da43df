from unittest.mock import MagicMock, patch

import pytest

from churnmodel import features, registry, train


def test_build_features_adds_columns(churn_df):
    out = features.build_features(churn_df)
    # ok: VC310
    assert {"charges_per_month", "log_tickets"} <= set(out.columns)
    assert out["total_charges"].dtype.kind == "f"


def test_train_learns_signal(churn_df):
    result = train.train(churn_df, {"n_estimators": 50})
    assert result.auc > 0.8


def test_train_returns_model(churn_df):
    result = train.train(churn_df)
    # expect: VC310
    assert result.model
    # expect: VC304
    assert result.f1 >= 0.0 or result.f1 <= 1.0


def test_save_and_load_roundtrip(churn_df, tmp_path):
    result = train.train(churn_df, {"n_estimators": 10})
    path = train.save_model(result, tmp_path, "0.0.1")
    model = registry.load_local(path)
    feats = features.build_features(churn_df).drop(columns=["churned"])
    assert (model.predict(feats) == result.model.predict(feats)).all()


# expect: VC306
@pytest.mark.skip
def test_fairness_report(churn_df):
    result = train.train(churn_df)
    report = train.fairness_report(result.model, churn_df, "contract")
    assert set(report) == {"month", "one_year", "two_year"}


# ok: VC306
@pytest.mark.skip(reason="needs the staging registry; run with --registry")
def test_load_remote_latest():
    # expect: VC310
    assert registry.load_remote("churn") is not None


def test_parse_row_invalid_json():
    assert features.parse_row("{not json") == {}


# expect: VC308
def test_fetch_manifest_uses_token():
    with patch("churnmodel.registry.requests.get") as get:
        get.return_value = MagicMock(status_code=200)
        get.return_value.json.return_value = {"latest": "1.2.0"}
        manifest = get.return_value.json()
    assert manifest["latest"] == "1.2.0"


def test_load_pinned_rejects_bad_checksum(tmp_path, monkeypatch):
    artifact = tmp_path / "m.joblib"
    artifact.write_bytes(b"junk")
    monkeypatch.setattr(registry, "download", lambda name, version: artifact)
    with pytest.raises(ValueError, match="checksum mismatch"):
        registry.load_pinned("churn", "1.0.0", "0" * 64)


def test_gpu_info_does_not_crash():
    try:
        info = train.gpu_info()
        # expect: VC310 -- marked in round 27: a description (`gpu_info`) checked for its type alone
        assert isinstance(info, str)
    # expect: VC305
    except Exception:
        pass
