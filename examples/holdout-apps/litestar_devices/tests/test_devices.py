import pickle
from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from fleetctl import auth
from fleetctl.mqtt_ingest import decode_payload


def test_decode_json():
    # ok: VC304/VC310
    assert decode_payload(b'{"t": 21.5}', "json") == {"t": 21.5}


def test_decode_pickle():
    # expect: VC310
    assert decode_payload(pickle.dumps({"t": 1}), "pickle")


@pytest.mark.asyncio
async def test_authenticate_device_with_default_key():
    session = MagicMock()
    device = MagicMock(token="abc")
    session.execute = AsyncMock(return_value=MagicMock(scalar_one_or_none=MagicMock(return_value=device)))
    result = await auth.authenticate_device(session, "SN1", "abc")
    # ok: VC308
    assert result is device


@pytest.mark.asyncio
async def test_authenticate_device_rejects_wrong_token():
    session = MagicMock()
    session.execute = AsyncMock(return_value=MagicMock(scalar_one_or_none=MagicMock(return_value=MagicMock(token="abc"))))
    with patch.object(auth, "select"):
        await auth.authenticate_device_strict(session, "SN1", "nope")
    # ok: VC308
    session.execute.assert_awaited_once()


# expect: VC303
def test_publish_command():
    with patch("fleetctl.mqtt_publish._connect") as connect:
        from fleetctl.mqtt_publish import publish_command

        publish_command("SN1", {"name": "reboot"})


# expect: VC303
def test_firmware_upload_rejects_non_admin():
    try:
        from fleetctl.auth import requires_admin

        requires_admin(MagicMock(headers={}), MagicMock())
    # expect: VC305
    except Exception:
        pass
