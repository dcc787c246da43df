from unittest import mock

from notesync.store import LocalStore
from notesync.sync import SyncJob


def test_sync_pushes_local_and_pulls_remote(tmp_path):
    local = LocalStore(tmp_path)
    local.put("a", "alpha")
    remote = mock.Mock()
    remote.get.return_value = "beta"
    report = SyncJob(local, remote).run(["a", "b"])
    assert report.pushed == ["a"]
    assert report.pulled == ["b"]
    assert local.get("b") == "beta"
