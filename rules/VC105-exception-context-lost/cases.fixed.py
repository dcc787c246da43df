"""VC105 corpus: new exceptions raised in handlers without `from` fire; re-raises and chained raises do not."""
import json
import subprocess
import unittest

import click
import requests as r
import pytest
import typer
from fastapi import HTTPException


class ConfigError(Exception):
    pass


def translate_key_error(data):
    try:
        return data["name"]
    except KeyError as err:
        # expect: VC105
        raise ConfigError("name is missing") from err


def unbound_handler(text):
    try:
        return json.loads(text)
    except ValueError:
        # expect: VC105
        raise ConfigError(f"not JSON: {text[:20]}")


def error_passed_as_argument(url):
    try:
        return r.get(url, timeout=5)
    except r.ConnectionError as exc:
        # ok: VC105 -- the caught error is wrapped, its message travels with it
        raise RuntimeError(exc)


def http_exception_hides_cause(url):
    try:
        return r.get(url, timeout=5).json()
    except Exception as exc:
        # expect: VC105
        raise r.HTTPError("upstream failed") from exc


def class_without_call():
    try:
        work()
    except OSError as exc:
        # expect: VC105
        raise NotImplementedError from exc


def module_attribute_class(cmd):
    try:
        subprocess.run(cmd, check=True)
    except subprocess.CalledProcessError as exc:
        # expect: VC105
        raise r.exceptions.InvalidURL(cmd) from exc


def inside_nested_if(value):
    try:
        return int(value)
    except ValueError as exc:
        if value.startswith("0x"):
            return int(value, 16)
        # expect: VC105
        raise TypeError("not a number") from exc


def nested_function():
    def inner():
        try:
            work()
        except Exception as exc:
            # expect: VC105
            raise ConfigError("inner failed") from exc
    return inner


def nested_handlers():
    try:
        work()
    except ValueError as outer:
        try:
            cleanup()
        except OSError as inner:
            # expect: VC105
            raise ConfigError("cleanup failed") from inner


def chained(data):
    try:
        return data["name"]
    except KeyError as err:
        # ok: VC105
        raise ConfigError("name is missing") from err


def hidden_on_purpose(text):
    try:
        return json.loads(text)
    except ValueError:
        # ok: VC105
        raise ConfigError("not JSON") from None


def bare_reraise():
    try:
        work()
    except Exception:
        cleanup()
        # ok: VC105
        raise


def reraise_caught_name():
    try:
        work()
    except Exception as exc:
        # ok: VC105
        raise exc


def wraps_args(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # ok: VC105
        raise ConfigError(*exc.args)


def with_traceback(tb):
    try:
        work()
    except Exception as exc:
        # ok: VC105
        raise exc.with_traceback(tb)


def raise_variable():
    error = None
    try:
        work()
    except OSError as exc:
        error = ConfigError(str(exc))
        # ok: VC105 -- a variable may hold the caught error
        raise error


def function_defined_in_handler():
    try:
        work()
    except Exception as exc:
        def fail():
            # ok: VC105 -- runs later, outside the handler
            raise ConfigError("later")
        return fail


def outside_handler(value):
    if not value:
        # ok: VC105
        raise ConfigError("empty")


def in_finally():
    try:
        work()
    finally:
        # ok: VC105
        raise ConfigError("always")


def fastapi_detail_from_text(item_id):
    try:
        return int(item_id)
    except (ValueError, KeyError) as exc:
        # expect: VC105
        raise HTTPException(status_code=400, detail=str(exc)) from exc


def message_formatted_from_error(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        # expect: VC105
        raise ValueError(f"Invalid JSON payload: {e}") from e


def error_as_keyword_argument(url):
    try:
        return r.get(url, timeout=5)
    except r.Timeout as exc:
        # ok: VC105 -- the caught error itself travels with the new one
        raise r.ConnectionError(exc, request=None)


def error_args_unpacked(url):
    try:
        return r.get(url, timeout=5)
    except ValueError as exc:
        # ok: VC105
        raise r.exceptions.InvalidURL(*exc.args)


def error_fields_copied(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        # ok: VC105 -- the same error rebuilt from its fields
        raise r.JSONDecodeError(e.msg, e.doc, e.pos)


def stats(table):
    try:
        return count_rows(table)
    except LookupError:
        # ok: VC105 -- an exit: the command ends without a traceback to chain
        raise typer.Exit(code=1)


def run_or_abort(command):
    try:
        return subprocess.run(command, check=True)
    except subprocess.CalledProcessError:
        # ok: VC105
        raise SystemExit(2)


def confirm_or_abort(answer):
    try:
        return {"y": True, "n": False}[answer]
    except KeyError:
        # ok: VC105
        raise click.Abort()


def parse_port(text):
    try:
        return int(text)
    except ValueError:
        # expect: VC105
        raise typer.BadParameter(f"not a port: {text}")


def redis_backend(app):
    try:
        return app.backend.client
    except AttributeError as e:
        # ok: VC105 -- `pytest.skip` raises by itself: the `raise` is never reached
        raise pytest.skip(e.args[0])


def needs_network(host):
    try:
        return socket_to(host)
    except OSError:
        # ok: VC105 -- a skip is reported without a traceback
        raise unittest.SkipTest("no network")


class NetworkTests(unittest.TestCase):
    def test_fetch(self):
        try:
            self.page = fetch_page()
        except OSError:
            # ok: VC105
            raise self.skipTest("offline")


def parse_ini(text):
    try:
        return read_ini(text)
    except KeyError as err:
        # expect: VC105 -- an error class of pytest's is a new exception like any other
        raise pytest.UsageError("bad ini") from err
