from pathlib import Path

from backup_operator import manifests


def test_render_job_names_the_job():
    job = manifests.render_job("nightly", {"image": "ghcr.io/acme/backup-runner:1.5"})
    assert job["metadata"]["name"] == "nightly-backup"
    assert job["spec"]["template"]["spec"]["containers"][0]["image"] == "ghcr.io/acme/backup-runner:1.5"


def test_load_defaults_reads_yaml(tmp_path: Path):
    path = tmp_path / "defaults.yaml"
    path.write_text("keep: 7\n")
    assert manifests.load_defaults(path) == {"keep": 7}


def test_load_overrides_empty():
    result = manifests.load_overrides({})
    # expect: VC311
    if result:
        assert "backoffLimit" in result
