from unittest.mock import patch

from docker.errors import NotFound

from sandbox import engine


@patch.object(engine, "client")
# expect: VC303
def test_stop_quietly_ignores_missing(mock_client):
    mock_client.containers.get.side_effect = NotFound("gone")
    engine.stop_quietly("abc123")


@patch.object(engine, "client")
def test_list_dir_passes_path_as_argument(mock_client):
    engine.list_dir("abc123", "/work; rm -rf /")
    mock_client.containers.get.return_value.exec_run.assert_called_once_with(["ls", "-la", "--", "/work; rm -rf /"])
