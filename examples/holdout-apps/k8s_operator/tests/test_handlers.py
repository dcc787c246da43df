from unittest.mock import MagicMock, patch

import kopf
import pytest
from kubernetes.client.rest import ApiException

from backup_operator import handlers, kube


def test_named_hook_rejects_unknown():
    with pytest.raises(kopf.PermanentError):
        handlers.named_hook(spec={"hook": "rm -rf /", "targetPod": "db-0"}, namespace="default")


@patch("backup_operator.handlers.exec_in_pod")
@patch("backup_operator.handlers.client")
def test_named_hook_runs_allowed_command(mock_client, mock_exec):
    handlers.named_hook(spec={"hook": "checkpoint", "targetPod": "db-0"}, namespace="default")
    mock_exec.assert_called_once_with(mock_client.CoreV1Api.return_value, "db-0", "default", ["psql", "-c", "CHECKPOINT"])


@patch("backup_operator.handlers.client")
def test_delete_backup_ignores_missing_job(mock_client):
    mock_client.BatchV1Api.return_value.delete_namespaced_job.side_effect = ApiException(status=404)
    handlers.delete_backup(name="nightly", namespace="default")
    # expect: VC303/VC304
    mock_client.BatchV1Api.return_value.delete_namespaced_job.assert_called_once


@patch("backup_operator.handlers.client")
# expect: VC303
def test_delete_custom_retries_on_server_error(mock_client):
    mock_client.BatchV1Api.return_value.delete_namespaced_job.side_effect = ApiException(status=500)
    try:
        handlers.delete_custom(name="nightly", namespace="default", logger=MagicMock())
    # expect: VC305
    except Exception:
        pass


def test_read_secret_returns_none_on_404():
    core = MagicMock()
    core.read_namespaced_secret.side_effect = ApiException(status=404)
    assert kube.read_secret(core, "db-creds", "default") is None


# expect: VC308
def test_read_secret_returns_data():
    core = MagicMock()
    core.read_namespaced_secret.return_value.data = {"password": "czNjcjN0"}
    assert core.read_namespaced_secret.return_value.data["password"] == "czNjcjN0"


def test_wait_for_pod_bounded_times_out(monkeypatch):
    monkeypatch.setattr(kube.time, "sleep", lambda _s: None)
    core = MagicMock()
    core.read_namespaced_pod.return_value.status.phase = "Pending"
    with pytest.raises(TimeoutError):
        kube.wait_for_pod_bounded(core, "db-0", "default", attempts=3)
    assert core.read_namespaced_pod.call_count == 3


def test_ready_probe():
    # ok: VC310 -- a probe's boolean answer is the whole check
    assert handlers.ready()
