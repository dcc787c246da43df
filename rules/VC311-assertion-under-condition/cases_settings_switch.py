"""VC311 corpus (checked as a test file): a switch over a setting the test read gives each setting its own checks."""
from unittest import mock

from shop import api, get_executor, get_mode, migrate


def test_signal_on_migrate():
    executor = get_executor()
    handler = mock.Mock()
    migrate(handler)
    # ok: VC311 -- each executor has its own checks (django-tenants 4.0.1's test_signal_on_migrate_schemas)
    if executor == "simple":
        handler.assert_called_once_with(schema_name="test")
    elif executor == "multiprocessing":
        handler.assert_not_called()


def test_status_switch():
    status = api.fetch(1)
    # expect: VC311 -- a switch over the result: a third status checks nothing
    if status == "ok":
        assert api.count() == 1
    elif status == "pending":
        assert api.count() == 0


def test_mode_guard():
    mode = get_mode()
    handler = mock.Mock()
    migrate(handler)
    # expect: VC311 -- one branch: the other settings check nothing
    if mode == "simple":
        handler.assert_called_once_with(schema_name="test")
