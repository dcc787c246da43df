from unittest.mock import MagicMock, patch

import psycopg2
import pytest

from loader import redshift


def test_bounded_retry_gives_up():
    with patch.object(redshift, "connect", side_effect=psycopg2.OperationalError("down")), patch.object(
        redshift.time, "sleep"
    ):
        with pytest.raises(psycopg2.OperationalError):
            redshift.connect_with_bounded_retry(attempts=3)


def test_delete_day_safe_uses_params():
    conn = MagicMock()
    cur = conn.cursor.return_value.__enter__.return_value
    cur.rowcount = 7
    with patch.object(redshift, "connect_with_bounded_retry", return_value=conn):
        assert redshift.delete_day_safe("raw.events", "2024-05-01") == 7
    assert cur.execute.call_args.args[1] == ("2024-05-01",)


# expect: VC303
def test_vacuum_survives_errors():
    conn = MagicMock()
    conn.cursor.return_value.__enter__.return_value.execute.side_effect = RuntimeError("locked")
    with patch.object(redshift, "connect_with_bounded_retry", return_value=conn):
        try:
            redshift.vacuum(["raw.events"])
        # expect: VC305
        except Exception:
            pass
