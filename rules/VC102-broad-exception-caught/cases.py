"""VC102 corpus: broad handlers that act but hide the traceback fire; the others belong elsewhere or are fine."""
import builtins
import contextlib
import logging
import sys
import traceback
import unittest

logger = logging.getLogger(__name__)

try:
    from .e2b import E2BSandboxClient

    _HAS_E2B = True
# ok: VC102 -- a probe for an optional dependency, whose import can fail in more ways than ImportError
except Exception:
    _HAS_E2B = False

try:
    from wtforms.fields.core import _unset_value as unset_value
# ok: VC102
except Exception:
    from wtforms.utils import unset_value

try:
    from importlib.metadata import version

    VERSION = version("shop")
# expect: VC102 -- a lookup, not only an import, goes wrong here
except Exception:
    VERSION = None


def logs_message_only():
    try:
        work()
    # expect: VC102
    except Exception as exc:
        logger.error(f"work failed: {exc}")


def bare_with_cleanup():
    try:
        work()
    # expect: VC102
    except:
        cleanup()


def base_exception_records_text():
    try:
        work()
    # expect: VC102
    except BaseException as exc:
        errors.append(str(exc))


def tuple_with_broad_counts(stats):
    try:
        work()
    # expect: VC102
    except (KeyError, builtins.Exception):
        stats.failures += 1


def exc_info_false():
    try:
        work()
    # expect: VC102
    except Exception:
        logger.warning("work failed", exc_info=False)


def nested_function():
    def inner():
        try:
            work()
        # expect: VC102
        except Exception as exc:
            notify(f"failed: {exc}")
    return inner


def nested_in_main_is_not_the_boundary():
    def main_helper():
        try:
            work()
        # expect: VC102
        except Exception as exc:
            logger.info("skipped: %s", exc)
    return main_helper


class Worker:
    def run_once(self):
        try:
            self.step()
        # expect: VC102
        except Exception as exc:
            self.state = "failed"
            self.last_error = str(exc)


def handed_to_error_handler(self):
    try:
        return self.dispatch()
    # ok: VC102 -- the exception object, traceback included, goes to a handler
    except Exception as exc:
        response = self.handle_exception(exc)
    return response


def declared_optional_result() -> dict | None:
    try:
        return load()
    # expect: VC102 -- VC103 leaves a declared `None` to VC102
    except Exception as exc:
        logger.warning("load failed: %s", exc)
        return None


def kept_for_later():
    error = None
    try:
        work()
    # ok: VC102 -- the exception object is kept, traceback included
    except BaseException as exc:
        error = exc
    return error


def fallback_after_passing_interrupts(obj):
    try:
        return repr(obj)
    except (KeyboardInterrupt, SystemExit):
        raise
    # ok: VC102 -- a considered fallback
    except BaseException:
        return object.__repr__(obj)


def returns_error_status(path):
    try:
        open_output(path)
    # ok: VC102 -- the caller learns of the failure
    except Exception as err:
        logger.error("cannot open %s: %s", path, err)
        return 1


def returns_failure_marker():
    try:
        return work()
    # expect: VC102 -- an in-band error, but the traceback is gone
    except Exception:
        return {"error": "work failed"}


def logged_with_traceback():
    try:
        work()
    # ok: VC102
    except Exception:
        logger.exception("work failed")


def exc_info_true():
    try:
        work()
    # ok: VC102
    except Exception:
        logger.error("work failed", exc_info=True)


def reraised():
    try:
        work()
    # ok: VC102
    except Exception:
        cleanup()
        raise


def wrapped():
    try:
        work()
    # ok: VC102
    except Exception as exc:
        raise RuntimeError("work failed") from exc


def narrow_exception():
    try:
        work()
    # ok: VC102
    except ValueError as exc:
        logger.error("bad value: %s", exc)


def traceback_printed():
    try:
        work()
    # ok: VC102
    except Exception:
        traceback.print_exc()
        cleanup()


def main():
    try:
        work()
    # ok: VC102 -- a configured boundary function
    except Exception as exc:
        logger.critical("fatal: %s", exc)
        return 1


def swallowed_is_vc101():
    try:
        work()
    # ok: VC102
    except Exception:
        pass


def printed_is_vc104():
    try:
        work()
    # ok: VC102
    except Exception as exc:
        print(exc)


def returns_value_is_vc103():
    try:
        return work()
    # ok: VC102
    except Exception as exc:
        logger.error("failed: %s", exc)
        return {}


def suppress_narrow():
    # ok: VC102
    with contextlib.suppress(FileNotFoundError):
        work()


def finally_only():
    try:
        work()
    # ok: VC102
    finally:
        cleanup()


def exits():
    try:
        work()
    # ok: VC102
    except Exception as exc:
        logger.error("fatal: %s", exc)
        sys.exit(2)


def waived_for_pylint(app):
    try:
        transport = app.connection().transport_cls
    # ok: VC102 -- the author waived pylint's broad-except check on this line
    except Exception:  # pylint: disable=broad-except
        transport = ""
    return transport


def waived_for_another_check(app):
    try:
        transport = app.connection().transport_cls
    # expect: VC102 -- the waiver is for another check
    except Exception:  # pylint: disable=unused-variable
        transport = ""
    return transport


class Request:
    def __repr__(self):
        try:
            url = self.url
        # ok: VC102 -- a representation must never raise
        except Exception as exc:
            url = f"(invalid URL: {exc})"
        return f"<Request {url!r}>"

    def report(self):
        try:
            url = self.url
        # expect: VC102 -- not a representation
        except Exception as exc:
            url = f"(invalid URL: {exc})"
        return url


class Job:
    def run(self):
        try:
            self.execute()
        # expect: VC102 -- outside a test case, `fail()` may only record the failure
        except Exception as exc:
            self.fail(f"job failed: {exc}")


class XmlAssertions(unittest.TestCase):
    def assert_xml_equal(self, first, second):
        try:
            result = compare_xml(first, second)
        # ok: VC102 -- `self.fail()` raises the test's failure
        except Exception as exc:
            self.fail(f"not valid XML: {exc}")
        return result

    def count_failures(self, first, second):
        try:
            compare_xml(first, second)
        # expect: VC102 -- counting is not failing
        except Exception:
            self.failures += 1


class Console:
    def runcode(self, code):
        try:
            exec(code, self.locals)
        # ok: VC102 -- shows the traceback
        except Exception:
            self.showtraceback()


class CachedSession:
    def load(self):
        try:
            data = self.cache.get(self.cache_key)
        # ok: VC102 -- a commented fallback for the value the `try` computes
        except Exception:
            # Some cache backends raise on invalid keys: start a new session then.
            data = None
        return data or self.create()

    def user_label(self, request):
        try:
            self.label = str(request.user)
        # ok: VC102
        except Exception:  # the user lookup may hit an unavailable database
            self.label = "[unknown user]"

    def load_quietly(self):
        try:
            data = self.cache.get(self.cache_key)
        # expect: VC102 -- a fallback nobody explains
        except Exception:
            data = None
        return data

    def load_other(self):
        try:
            data = self.cache.get(self.cache_key)
        # expect: VC102 -- the fallback is not what the `try` computes
        except Exception:
            # Some cache backends raise on invalid keys.
            self.broken = True
        return data

    def load_and_count(self):
        try:
            data = self.cache.get(self.cache_key)
        # expect: VC102 -- it does more than put a fallback in place
        except Exception:
            # Some cache backends raise on invalid keys.
            data = None
            self.metrics.incr("cache.error")
        return data


if __name__ == "__main__":
    try:
        work()
    # ok: VC102 -- the script's top level
    except Exception as exc:
        logger.critical("fatal: %s", exc)


class ErrorRenderer:
    def error_template(self, names, response):
        try:
            return self.resolve_template(names)
        # ok: VC102 -- another result in place of the one the `try` returns, explained
        except Exception:
            # Fall back to the status line as the page
            body = "%d %s" % (response.status_code, response.status_text)
            return self.from_string(body)

    def decode(self, data):
        try:
            return self.loads(data)
        # ok: VC102 -- an explained reset before the fallback `return` after the `try`
        except Exception:
            # Bad signature or unpickling errors: start a new session.
            self.create()
        return {}

    def error_template_unexplained(self, names, response):
        try:
            return self.resolve_template(names)
        # expect: VC102 -- the same fallback without a word on why
        except Exception:
            body = "%d %s" % (response.status_code, response.status_text)
            return self.from_string(body)

    def decode_then_nothing(self, data):
        try:
            return self.loads(data)
        # expect: VC102 -- nothing after the `try` gives the fallback
        except Exception:
            # start a new session
            self.create()
        self.log_state()

    def notify_then_return(self, data):
        try:
            self.send(data)
            return True
        # expect: VC102 -- the handler hides the failure behind a side effect, and the `try` returns no result it replaces
        except Exception:
            # tell the user
            self.flash("failed")


class Template:
    def render(self, context):
        try:
            return self.root(context)
        # ok: VC102 -- `handle_exception()` reads the exception being handled and re-raises it rewritten
        except Exception:
            return self.environment.handle_exception()

    def render_quietly(self, context):
        try:
            return self.root(context)
        # expect: VC102 -- a method named for the result, not for the exception
        except Exception:
            return self.environment.empty_result()


def download(queue_deferred, slot, request):
    from twisted.python.failure import Failure

    try:
        response = slot.download(request)
    # ok: VC102 -- `Failure()` captures the exception being handled, traceback included
    except Exception:
        queue_deferred.errback(Failure())
    else:
        queue_deferred.callback(response)


def serve_channel(channel, log, util):
    try:
        channel.process()
    # ok: VC102 -- the traceback's lines are logged
    except Exception as e:
        log("Exception in server processing: " + str(e))
        log(util.tb_strings())


async def execute(request, web):
    try:
        body = await request.json()
    # ok: VC102 -- the client is told with an error status
    except Exception:
        return web.json_response({"error": "invalid JSON body"}, status=400)
    return web.json_response(body)


async def execute_ok_status(request, web):
    try:
        body = await request.json()
    # expect: VC102 -- a 200 answer hides the failure
    except Exception:
        body = {}
        return web.json_response({"error": "invalid JSON body"}, status=200)
    return web.json_response(body)


def resolve_filter(name, undefined):
    msg = f"No filter named {name!r}."
    try:
        undefined.fail()
    # ok: VC102 -- the message takes the error's text and the code raises right after
    except Exception as e:
        msg = f"{msg} ({e})"
    raise LookupError(msg)


def resolve_filter_quietly(name, undefined):
    msg = f"No filter named {name!r}."
    try:
        undefined.fail()
    # expect: VC102 -- the message is returned, the failure is gone
    except Exception as e:
        msg = f"{msg} ({e})"
    return msg


async def run_handler(handler, request, ws, events):
    try:
        await handler(request, ws)
    # ok: VC102 -- the exception object goes on to the listeners
    except Exception as e:
        await events.dispatch("websocket.handler.exception", context={"request": request, "exception": e})


async def run_handler_text_only(handler, request, ws, events):
    try:
        await handler(request, ws)
    # expect: VC102 -- only its text goes on
    except Exception as e:
        await events.dispatch("websocket.handler.exception", context={"request": request, "error": str(e)})


def source_info(obj, default="[unknown file]"):
    try:
        source_file = inspect.getsourcefile(obj)
        info = f"{source_file}:{inspect.findsource(obj)[1]}"
    # ok: VC102 -- the try computes what is returned after it; the handler answers with the explained fallback
    except Exception:
        # built-in functions have no source file to locate
        return default
    return info


def source_info_unexplained(obj, default="[unknown file]"):
    try:
        info = locate(obj)
    # expect: VC102 -- nothing says why any failure may become the default
    except Exception:
        return default
    return info


def timed_insert(client, rows):
    try:
        return {"success": True, "result": client.insert(rows)}
    # ok: VC102 -- the exception object, traceback included, goes back to the caller
    except Exception as exc:
        return {"success": False, "exception": exc}


def timed_upsert(client, rows):
    try:
        return {"success": True, "result": client.upsert(rows)}
    # expect: VC102 -- only its text goes back
    except Exception as exc:
        return {"success": False, "message": str(exc)}


def probe_version(text):
    # noinspection PyBroadException
    try:
        version = int(text)
    # ok: VC102 -- PyCharm's waiver of its broad-except inspection, above the `try`
    except Exception:
        version = 0
    return version


@register.filter(is_safe=True)
def pretty(value):
    try:
        return pformat(value)
    # ok: VC102 -- a Django template filter must fail silently
    except Exception as e:
        return "Error in formatting: %s" % e


@register.simple_tag
def pretty_tag(value):
    try:
        return pformat(value)
    # expect: VC102 -- a tag is no filter: Django lets its errors show
    except Exception as e:
        return "Error in formatting: %s" % e


def field_description(model, name):
    try:
        field = model.get_field(name)
    # ok: VC102 -- the field is set to `None` and the code after asks whether it is there
    except Exception:
        field = None
    if field is not None and field.help_text:
        return field.help_text
    return ""


def field_label(model, name):
    try:
        field = model.get_field(name)
    # expect: VC102 -- the code after never asks whether the lookup worked
    except Exception:
        field = None
    return str(field)


def system_encoding():
    """The encoding of the locale. Fall back to 'ascii' if it is unsupported or could not be determined."""
    try:
        encoding = locale.getlocale()[1] or "ascii"
        codecs.lookup(encoding)
    # ok: VC102 -- the docstring says what an undetermined encoding falls back to
    except Exception:
        encoding = "ascii"
    return encoding


def terminal_encoding():
    """The encoding of the terminal."""
    try:
        encoding = locale.getlocale()[1] or "ascii"
        codecs.lookup(encoding)
    # expect: VC102 -- nothing says why every error means ASCII
    except Exception:
        encoding = "ascii"
    return encoding


class LedgerServicer:
    def Transfer(self, request, context):
        try:
            return move_money(request.source, request.target)
        # ok: VC102 -- `context.abort` raises, ending the call with that status
        except Exception:
            logging.error("transfer failed")
            context.abort(grpc.StatusCode.INTERNAL, "transfer failed")

    def Balance(self, request, context):
        try:
            return balance(request.account)
        # expect: VC102
        except Exception:
            logging.error("balance failed")
            context.set_code(grpc.StatusCode.INTERNAL)


def filter_named(name, filters):
    func = filters.get(name)
    if func is None:
        msg = f"No filter named {name!r}."
        if hasattr(name, "fail"):
            try:
                name.fail()
            # ok: VC102 -- the message takes the error, and the code raises after the `if`
            except Exception as e:
                msg = f"{msg} ({e})"
        raise LookupError(msg)
    return func


def first_loadable(paths):
    for path in paths:
        if path.exists():
            try:
                return load_ledger(path)
            # expect: VC102 -- the loop tries the next path; the raise after it drops every error
            except Exception as e:
                logging.warning("cannot load %s: %s", path, e)
    raise LookupError("no ledger")
