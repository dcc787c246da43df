from unittest.mock import MagicMock, patch

import requests

from exports_app import jobs


def test_build_export_marks_ready():
    with patch.object(jobs, "db") as fake_db, patch.object(jobs, "storage") as fake_storage, patch.object(jobs, "notify"):
        fake_db.get_export.return_value = {"id": 5, "user_id": 9}
        fake_db.user_data.return_value = {"profile": {}, "orders": []}
        jobs.build_export(5)
    fake_storage.put_json.assert_called_once_with("exports/9/5.json", {"profile": {}, "orders": []})
    fake_db.mark_export_ready.assert_called_once_with(5, "exports/9/5.json")


# expect: VC303
def test_notify_survives_network_errors():
    with patch.object(jobs.requests, "post", side_effect=requests.ConnectionError):
        jobs.notify(1, "export_ready")


def test_refresh_customer_retries():
    ok = MagicMock()
    ok.json.return_value = {"id": "cus_1"}
    with patch.object(jobs.requests, "get", side_effect=[requests.Timeout(), ok]), patch.object(jobs.time, "sleep"):
        result = jobs.refresh_customer("cus_1")
    # expect: VC304
    assert result == result
