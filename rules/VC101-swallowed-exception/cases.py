"""VC101 corpus: broad handlers that do nothing fire; handlers that act on the failure do not."""
import asyncio
import inspect
import builtins
import contextlib
import logging

logger = logging.getLogger(__name__)

try:
    import ujson as json
# ok: VC101 -- an optional speed-up
except Exception:
    pass

try:
    import orjson

    load = orjson.loads
# expect: VC101 -- the try does more than import
except Exception:
    pass


def bare_pass():
    try:
        work()
    # expect: VC101
    except:
        pass


def exception_pass():
    try:
        work()
    # expect: VC101
    except Exception:
        pass


def base_exception_ellipsis():
    try:
        work()
    # expect: VC101
    except BaseException:
        ...


def return_none():
    try:
        return work()
    # expect: VC101
    except Exception:
        return None


def return_empty_dict():
    try:
        return work()
    # ok: VC101 -- a fabricated result is VC103's
    except Exception as exc:
        return {}


def bare_return():
    try:
        work()
    # expect: VC101
    except Exception:
        return


def declared_value_does_nothing() -> bool:
    try:
        work()
    # expect: VC101 -- `False` is a declared result, and nothing is done with the error
    except Exception:
        return False
    return True


def is_ipv4_hostname(hostname: str) -> bool:
    try:
        ipaddress.IPv4Address(hostname.split("/")[0])
    # ok: VC101 -- a predicate: the failure is the answer `False`
    except Exception:
        return False
    return True


def has_valid_json(text):
    try:
        json.loads(text)
        return True
    # ok: VC101 -- named as a question, so `False` answers it
    except Exception:
        return False


def is_configured():
    try:
        load_config()
    # expect: VC101 -- a predicate that answers `None` says nothing
    except Exception:
        return None
    return True


def save_user(user) -> bool:
    try:
        db.save(user)
    # expect: VC101 -- an action's `False` tells the caller it failed, never why
    except Exception:
        return False
    return True


def loop_continue(items):
    for item in items:
        try:
            work(item)
        # expect: VC101
        except Exception:
            continue


def tuple_with_broad():
    try:
        work()
    # expect: VC101
    except (ValueError, Exception):
        pass


def one_line_handler():
    try:
        work()
    # expect: VC101
    except Exception: pass


def builtins_spelling():
    try:
        work()
    # expect: VC101
    except builtins.Exception:
        "ignored on purpose, says the agent"


def nested_function():
    def inner():
        try:
            work()
        # expect: VC101
        except Exception:
            return None
    return inner


def narrow_exception_is_a_decision():
    try:
        work()
    # ok: VC101
    except KeyError:
        pass


def logged_with_traceback():
    try:
        work()
    # ok: VC101
    except Exception:
        logger.exception("work failed")


def reraised():
    try:
        work()
    # ok: VC101
    except Exception:
        cleanup()
        raise


def wrapped():
    try:
        work()
    # ok: VC101
    except Exception as exc:
        raise RuntimeError("work failed") from exc


def suppress_narrow():
    # ok: VC101
    with contextlib.suppress(FileNotFoundError):
        work()


def finally_only():
    try:
        work()
    # ok: VC101
    finally:
        cleanup()


def returns_computed_fallback():
    try:
        return work()
    # ok: VC101
    except Exception as exc:
        return fallback(exc)


def counts_the_failure(stats):
    try:
        work()
    # ok: VC101
    except Exception:
        stats.failures += 1


def suppress_broad():
    # expect: VC101
    with contextlib.suppress(Exception):
        work()


def suppress_around_cleanup(session):
    # ok: VC101
    with contextlib.suppress(Exception):
        session.close()


def suppress_around_work_then_cleanup(session, entries):
    # expect: VC101
    with contextlib.suppress(Exception):
        session.push(entries)
        session.close()


def suppress_aliased():
    from contextlib import suppress as quietly
    # expect: VC101
    with quietly(ValueError, BaseException):
        work()


def prints_only_is_vc104():
    try:
        work()
    # ok: VC101
    except Exception as exc:
        print(exc)


def logs_then_returns_is_vc103():
    try:
        return work()
    # ok: VC101
    except Exception as exc:
        logger.warning("work failed: %s", exc)
        return None


def exits_the_script():
    try:
        work()
    # ok: VC101
    except Exception:
        sys.exit(1)


def waived_for_pylint(window):
    try:
        return window.getkey()
    # ok: VC101 -- the author waived pylint's broad-except check on this line
    except Exception:  # pylint: disable=broad-except
        return None


def waived_for_ruff(window):
    try:
        return window.getkey()
    # ok: VC101 -- ruff's (flake8-blind-except's) code
    except Exception:  # noqa: BLE001
        return None


def waived_for_line_length(window):
    try:
        return window.getkey()
    # expect: VC101 -- the waiver is for another check
    except Exception:  # noqa: E501
        return None


class Upload:
    def close(self):
        try:
            self.stream.close()
        # ok: VC101 -- a best-effort clean-up
        except Exception:
            pass

    def close_all(self, files):
        for f in files:
            try:
                f.close()
            # ok: VC101 -- a best-effort clean-up
            except Exception:
                pass

    def disclose(self, report):
        try:
            report.disclose()
        # expect: VC101 -- a word that holds "close" is no clean-up
        except Exception:
            pass

    def flush_then_close(self):
        try:
            self.stream.flush()
            self.stream.close()
        # expect: VC101 -- the flush is work whose failure is lost
        except Exception:
            pass

    def __del__(self):
        try:
            self.finish()
        # ok: VC101 -- a finaliser can only print and ignore what it raises
        except Exception:
            pass


def app_module_probe(entry):
    app_module = None
    try:
        module = import_module(entry)
    # ok: VC101 -- a probe: only the `else:` uses the success
    except Exception:
        pass
    else:
        app_module = module
    return app_module


def probe_that_returns(entry):
    try:
        module = import_module(entry)
    # expect: VC101 -- returns nothing, as if the import had given nothing
    except Exception:
        return None
    else:
        return module.apps


def from_prefixed_env(environ, config):
    for key in sorted(environ):
        value = environ[key]
        try:
            value = json.loads(value)
        # ok: VC101 -- the comment says the value read before the `try` is the fallback
        except Exception:
            # Keep the value as a string if loading failed.
            pass
        config[key] = value


def decode_session(data):
    try:
        return signing.loads(data)
    # ok: VC101 -- the commented fallback is the `return` after the `try`
    except Exception:  # unpickling errors: an empty session
        pass
    return {}


def update_without_comment(environ, key):
    value = environ[key]
    try:
        value = json.loads(value)
    # expect: VC101 -- the same shape without a word on why
    except Exception:
        pass
    return value


def commented_pass_without_fallback():
    try:
        work()
    # expect: VC101 -- the comment explains nothing the code goes on with
    except Exception:
        # ignore errors
        pass


def commented_pass_new_value(raw):
    try:
        parsed = json.loads(raw)
    # expect: VC101 -- `parsed` had no value before: the code goes on with an unbound name
    except Exception:
        # parsing failed, fine
        pass
    return parsed


def commented_pass_then_nothing(data):
    try:
        return signing.loads(data)
    # expect: VC101 -- nothing after the `try` supplies the fallback: the caller gets `None`
    except Exception:  # bad data
        pass
    log.info("done")


def parse_token_binding(client_data, raw):
    try:
        binding = TokenBinding(status=raw["status"])
        if "id" in raw:
            binding.id = f"{raw['id']}"
        client_data.token_binding = binding
    # ok: VC101 -- the optional part is attached only once built; the comment says why it may be left out
    except Exception:
        # an unexpected status: leave the token binding out
        pass
    return client_data


def send_token_binding(client_data, raw):
    try:
        binding = TokenBinding(status=raw["status"])
        client_data.token_binding = binding
        client_data.notify(binding)
    # expect: VC101 -- the try also calls out: the failure of that call vanishes
    except Exception:
        # an unexpected status: leave the token binding out
        pass
    return client_data


def attach_token_binding(client_data, raw):
    try:
        binding = TokenBinding(status=raw["status"])
        client_data.token_binding = binding
    # expect: VC101 -- the same shape without a word on why
    except Exception:
        pass
    return client_data


class MigrationGuard:
    def __eq__(self, other: object) -> bool:
        try:
            return self.key == fingerprint(other)
        # ok: VC101 -- equality: a value it cannot fingerprint is not equal
        except Exception:
            return False

    def merge(self, other: object) -> bool:
        try:
            return self.key == fingerprint(other)
        # expect: VC101 -- no question: the failure is hidden behind a plain False
        except Exception:
            return False


def supports_color(stream):
    try:
        if stream.isatty():
            if curses_available():
                return True
    # ok: VC101 -- the `try` answers from a branch, the `return` after it is the explained fallback
    except Exception:
        # falling back to plain logs beats breaking at startup
        pass
    return False


def supports_color_unexplained(stream):
    try:
        if stream.isatty():
            return True
    # expect: VC101 -- no comment says why the failure may pass
    except Exception:
        pass
    return False


def repl(client, history_file):
    try:
        client.run()
    finally:
        client.close()
        try:
            readline.write_history_file(history_file)
        # ok: VC101 -- a best effort on the way out: an error here would replace the one in flight
        except Exception:
            pass


async def handle_client(reader, writer):
    try:
        await serve(reader, writer)
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        # ok: VC101 -- waiting for the close to finish is a clean-up
        except Exception:
            pass


def save_then_report(client, history_file):
    try:
        readline.write_history_file(history_file)
    # expect: VC101 -- not on the way out of anything: the save's failure is the result
    except Exception:
        pass
    client.report()


class ServerProtocol(asyncio.Protocol):
    def connection_lost(self, exc):
        self.closed = True
        if self.writer_protocol is not None:
            try:
                self.writer_protocol.connection_lost(exc)
            # ok: VC101 -- asyncio tears the protocol down here: a failure has no one left to tell
            except Exception:
                pass

    def data_received(self, data):
        try:
            self.parser.feed(data)
        # expect: VC101 -- a request's bytes lost without a word
        except Exception:
            pass


def count_reset(self, now):
    if len(self.resets) > RESET_LIMIT:
        self.closed = True
        try:
            self.connection.close_connection(error_code=ENHANCE_YOUR_CALM)
            self.send_pending_data()
        # ok: VC101 -- the block goes on to raise: the code fails whether or not the goodbye was sent
        except Exception:
            pass
        self.abort_all_streams()
        raise ProtocolError("reset rate exceeded")


def count_reset_and_go_on(self, now):
    if len(self.resets) > RESET_LIMIT:
        try:
            self.connection.close_connection(error_code=ENHANCE_YOUR_CALM)
            self.send_pending_data()
        # expect: VC101 -- the block returns after the calls: nothing fails for the caller to see
        except Exception:
            pass
        self.abort_all_streams()
        return False
    return True


def get_converted(self, key, default=None, type=None):
    """Return the most recent value for a key.

    :param type: If defined, this callable casts the value. Exceptions are suppressed and result in the
        default value to be returned.
    """
    try:
        value = self.dict[key][-1]
        return type(value) if type else value
    # ok: VC101 -- the docstring makes the default the documented answer to a failure
    except Exception:
        pass
    return default


def get_converted_undocumented(self, key, default=None, type=None):
    """Return the most recent value for a key, or the default."""
    try:
        value = self.dict[key][-1]
        return type(value) if type else value
    # expect: VC101 -- the docstring names a default, not a failure's answer
    except Exception:
        pass
    return default


def load_documented(path):
    """Load the file; errors fall back to the defaults."""
    try:
        data = parse(path)
    # expect: VC101 -- a documented fallback, but nothing supplies it: `data` is unbound after a failure
    except Exception:
        pass
    return data


class Connection:
    async def close(self):
        self.stream.close()
        try:
            await self.serving
        # ok: VC101 -- closing must not fail the caller; the serving loop logs its own errors
        except Exception:
            pass

    def send(self, data):
        try:
            self.stream.write(data)
        # expect: VC101 -- a write that fails silently
        except Exception:
            pass

    def close_and_report(self):
        try:
            self.stream.write(b"bye")
        # expect: VC101 -- a handler that fabricates a value is no clean-up's `pass`
        except Exception:
            return None


def accept_list(request, header):
    parsed = getattr(request, "_parsed_accept_list", None)
    if parsed is None:
        parsed = [part.strip() for part in header.split(",")]
        try:
            request._parsed_accept_list = parsed
        # ok: VC101 -- a memo: if the object refuses it, the code goes on with the same list
        except Exception:
            pass
    return parsed


def accept_list_computed_in_try(request, header):
    try:
        request._parsed_accept_list = parse_accept(header)
    # expect: VC101 -- the parse itself may fail, and nothing is kept
    except Exception:
        pass
    return request._parsed_accept_list


def serve(channel, log):
    try:
        channel.process()
    except Exception as e:
        log.error("processing failed: %s", e, exc_info=True)
        try:
            channel.send_status("failure")
        # ok: VC101 -- a best effort on a failure path already handled
        except Exception:
            pass


def serve_without_reporting(channel):
    try:
        channel.process()
    # expect: VC101
    except Exception:
        pass


class Websocket:
    def end_connection(self, frames):
        try:
            while frames:
                self.transport.write(frames.pop(0))
        # ok: VC101 -- `...` is `pass`: closing must not fail the caller
        except Exception:
            # sending close frames may fail if the transport closes meanwhile
            ...

    def send_frames(self, frames):
        try:
            while frames:
                self.transport.write(frames.pop(0))
        # expect: VC101 -- frames lost without a word
        except Exception:
            ...


class Consumer:
    async def close(self):
        try:
            await self.drain()
            await self.connection.close()
        # expect: VC101 -- `BaseException` in a coroutine also catches its cancellation: the task carries on
        except BaseException:
            pass

    async def aclose(self):
        try:
            await self.connection.close()
        # ok: VC101 -- `Exception` lets a cancellation through
        except Exception:
            pass

    def shutdown(self):
        try:
            self.connection.close()
        # ok: VC101 -- no coroutine: nothing to cancel
        except BaseException:
            pass


def handle_message(message):
    match message.kind:
        case "ready":
            try:
                message.ack()
            # expect: VC101 -- a handler inside a `match` case is read like any other
            except Exception:
                pass
            return True


def span_start(span):
    start = None
    try:
        start = parse_timestamp(span["start"])
    # ok: VC101 -- the code after the `try` asks whether it worked
    except Exception:
        pass
    if start is not None:
        return start.timestamp()
    return 0


def app_config(entry, module):
    config = None
    if module is not None:
        config = getattr(module, "default_config", None)
    if config is None:
        try:
            config = import_string(entry)
        # ok: VC101 -- the code after the enclosing `if` asks whether it worked
        except Exception:
            pass
    if module is None and config is None:
        raise LookupError(entry)
    return config


def app_label(entry):
    label = None
    if entry:
        try:
            label = import_string(entry).label
        # expect: VC101 -- the code after the enclosing `if` never asks
        except Exception:
            pass
    return label.lower()


def span_end(span):
    end = None
    try:
        end = parse_timestamp(span["end"])
    # expect: VC101 -- nothing after the `try` asks whether it worked
    except Exception:
        pass
    return end.timestamp()


class Signer:
    def verify_signature(self, value, signature):
        try:
            signature = decode_base64(signature)
        # ok: VC101 -- a signature that cannot be decoded fails the check: `False` is the answer
        except Exception:
            return False
        return compare(self.sign(value), signature)

    def store_signature(self, value, signature):
        try:
            self.db.save(value, decode_base64(signature))
        # expect: VC101 -- an action's `False` loses why it failed
        except Exception:
            return None
        return True


def test_sequence(value) -> bool:
    """Return true if the variable is a sequence."""
    try:
        len(value)
        value.__getitem__
    # ok: VC101 -- a template engine's test: not being a sequence is the answer `False`
    except Exception:
        return False
    return True


def sequence_like(value):
    """Check whether the value can be indexed."""
    try:
        value.__getitem__
    # ok: VC101 -- documented as a question: `False` answers it
    except Exception:
        return False
    return True


def persist(record) -> bool:
    """Return True if the record was saved."""
    try:
        db.save(record)
    # expect: VC101 -- documented as whether an action worked: `False` still hides why it failed
    except Exception:
        return False
    return True


def _has_ipv6(host: str) -> bool:
    has_ipv6 = False
    try:
        sock = socket.socket(socket.AF_INET6)
        sock.bind((host, 0))
        has_ipv6 = True
    # ok: VC101 -- the probe sets the flag it answers with only when it worked
    except Exception:
        pass
    return has_ipv6


def bind_ipv6(host: str) -> bool:
    bound = False
    try:
        sock = socket.socket(socket.AF_INET6)
        sock.bind((host, 0))
        bound = True
    # expect: VC101 -- an action, not a question: the caller learns only that it did not bind
    except Exception:
        pass
    return bound


def has_cache(key) -> bool:
    found = False
    try:
        cache.touch(key)
        found = True
    # expect: VC101 -- the flag is set but not what the function answers
    except Exception:
        pass
    return cache.size() > 0


def _has_ipv6_resolution(host: str) -> bool:
    has_ipv6 = False
    try:
        sock = socket.socket(socket.AF_INET6)
        sock.bind((host, 0))
        has_ipv6 = resolves_to_ipv6("localhost")
    # ok: VC101 -- the answer keeps the `False` set before the probe when the probe fails
    except Exception:
        pass
    return has_ipv6


def has_profile(user) -> bool:
    profile = None
    try:
        profile = load_profile(user)
    # expect: VC101 -- no `False` answer was set first: the caller gets `None` from a question
    except Exception:
        pass
    return profile


async def stop_session(task):
    try:
        await task.run()
    finally:
        if not task.done():
            task.cancel()
            # ok: VC101 -- on the way out, after cancelling: waiting for the task must not replace the outcome
            with contextlib.suppress(Exception):
                await task


async def run_then_wait(task):
    task.start()
    # expect: VC101 -- not on a failure path: the task's own errors vanish
    with contextlib.suppress(Exception):
        await task


class CookieSigner:
    def _verify_cookie(self, signed_value: str) -> str | None:
        try:
            payload, signature = signed_value.rsplit(".", 1)
            if not hmac.compare_digest(self.sign(payload), signature):
                return None
            return payload
        # ok: VC101 -- a verifier answers `None` for input it cannot decode, as for a bad signature
        except Exception:
            return None

    def _load_cookie(self, signed_value: str) -> str | None:
        try:
            payload, signature = signed_value.rsplit(".", 1)
            if not payload:
                return None
            return self.store.load(payload)
        # expect: VC101 -- a loader, not a verifier: a failing store reads as "no cookie"
        except Exception:
            return None

    def _verify_session(self, session_id: str) -> str | None:
        try:
            return self.store.user_for(session_id)
        # expect: VC101 -- a verifier that never answers `None` elsewhere: the failure is not its rejection
        except Exception:
            return None


def _default_is_valid(field_type, default) -> bool:
    try:
        TypeAdapter(field_type).validate_python(default)
    # ok: VC101 -- named as a question about the default: `False` answers it
    except Exception:
        return False
    return True


def register_visit(record) -> bool:
    try:
        db.save(record)
    # expect: VC101 -- an action: `is` only inside its words
    except Exception:
        return False
    return True


def streaming_off(llm):
    analysis_llm = copy.copy(llm)
    # ok: VC101 -- only sets an option on the copy: a frozen model that refuses it is used as it is
    with contextlib.suppress(Exception):
        analysis_llm.stream = False
    return analysis_llm


def streaming_off_and_reload(llm):
    # expect: VC101 -- also runs a call whose errors vanish
    with contextlib.suppress(Exception):
        llm.stream = False
        llm.reload()
    return llm


def construct_or_none(value, type_):
    """Like `construct()`, but returns `None` instead of raising."""
    try:
        return construct(value, type_)
    # ok: VC101 -- the docstring promises `None` instead of an exception
    except Exception:
        return None


def _safe_json(text):
    try:
        return json.loads(text)
    # ok: VC101 -- named for not raising: its callers ask for `None` on bad text
    except Exception:
        return None


async def restore_missing(stores):
    """Pull the missing files again. Never raises."""
    for store in stores:
        local = set()
        # ok: VC101 -- the function promises never to raise
        with contextlib.suppress(Exception):
            local = await store.files.ls()
        store.restore(local)


def parse_json(text):
    """Parse the text as JSON."""
    try:
        return json.loads(text)
    # expect: VC101 -- nothing promises its callers `None` for bad text
    except Exception:
        return None


class PooledConnection:
    def __del__(self):
        # ok: VC101 -- a finaliser tolerates a half-built or closed connection
        with contextlib.suppress(Exception):
            self.release_to_pool()

    def recycle(self):
        # expect: VC101 -- not a finaliser: a failed release goes unnoticed
        with contextlib.suppress(Exception):
            self.release_to_pool()


def record_operation_duration(collector, command_name, seconds):
    try:
        collector.record_operation_duration(command_name=command_name, duration_seconds=seconds)
    # ok: VC101 -- a metric that failed must not fail the operation it measures
    except Exception:
        pass


async def send_analytics(topic, data):
    try:
        await _send_telemetry_in_thread(topic=topic, data=data)
        span.setAttribute("topic", topic)
    # ok: VC101
    except Exception:
        pass


def record_payment(ledger, payment):
    try:
        ledger.record_payment(payment)
        metrics.increment("payments")
    # expect: VC101 -- the payment itself is not telemetry
    except Exception:
        pass


def blocking_handles(handles):
    for handle in handles:
        # noinspection PyBroadException
        try:
            handle.fileno()
        # ok: VC101 -- PyCharm's waiver of its broad-except inspection, above the `try`
        except Exception:
            continue


def other_inspection(handles):
    for handle in handles:
        # noinspection PyUnresolvedReferences
        try:
            handle.fileno()
        # expect: VC101 -- a waiver of another inspection
        except Exception:
            continue


def list_entries(entries):
    found = []
    for entry in entries:
        try:
            stat = entry.stat()
        # ok: VC101 -- the comment says why the entry is left out
        except Exception:
            # the file may have been moved or deleted meanwhile: ignore it and go on with the next one
            continue
        found.append((entry.name, stat.st_size))
    return found


def wrapped_fixture(obj):
    """The fixture behind `obj`'s wrappers, or None."""
    try:
        unwrapped = inspect.unwrap(obj)
    # ok: VC101 -- the comment says which failures mean "none", the answer the function gives below too
    except Exception:
        # ValueError for wrapper loops; objects that raise on attribute access
        return None
    if isinstance(unwrapped, Fixture):
        return unwrapped
    return None


def fixture_name(obj):
    try:
        unwrapped = inspect.unwrap(obj)
    # expect: VC101 -- no comment says why every error means "none"
    except Exception:
        return None
    if isinstance(unwrapped, Fixture):
        return unwrapped.name
    return None


def fixture_scope(obj):
    try:
        unwrapped = inspect.unwrap(obj)
    # expect: VC101 -- the function never answers None otherwise: the failure is made up
    except Exception:
        # wrapper loops
        return None
    return unwrapped.scope


async def cancel_operation(tasks, operation_id, timeout):
    task = tasks.pop(operation_id)
    task.cancel()
    # ok: VC101 -- it waits for the task it cancelled to finish its clean-up
    with contextlib.suppress(BaseException):
        await task


class PipelineRun:
    async def stop(self, timeout):
        self._task.cancel()
        # ok: VC101 -- the cancelled task, given a bounded time to settle
        with contextlib.suppress(BaseException):
            await asyncio.wait_for(self._task, timeout=timeout)

    async def close_stream(self, pump):
        pump.cancel()
        try:
            await pump
        # ok: VC101 -- what the cancelled pump raises on its way out
        except (asyncio.CancelledError, Exception):
            pass

    async def drain(self, pump, other):
        other.cancel()
        # expect: VC101 -- the task awaited is not the one cancelled
        with contextlib.suppress(BaseException):
            await pump

    async def send_then_cancel(self, pump, client):
        pump.cancel()
        try:
            await client.send(pump)
        # expect: VC101 -- a call's failure, not the cancelled task's end
        except Exception:
            pass


async def cancel_task(task):
    try:
        task.cancel()
        await task
    # ok: VC101 -- the task cancelled in the `try` itself, awaited to its end
    except asyncio.CancelledError:
        pass


async def cancel_then_wait_for_another(task, other):
    try:
        task.cancel()
        await other
    # expect: VC101 -- the task awaited is not the one cancelled: this coroutine's own cancellation is lost
    except asyncio.CancelledError:
        pass


async def poll_forever(fetch, pause):
    while True:
        try:
            await fetch()
        # expect: VC101 -- the coroutine swallows its own cancellation and polls on
        except asyncio.CancelledError:
            pass
        await asyncio.sleep(pause)


async def open_sandbox(client, name):
    try:
        return await client.create(name)
    except BaseException:
        try:
            await client.aclose()
        # ok: VC101 -- a clean-up step before the bare `raise`: the original failure or cancellation goes on
        except (Exception, asyncio.CancelledError):
            pass
        raise


async def open_sandbox_quietly(client, name):
    try:
        return await client.create(name)
    except BaseException:
        try:
            await client.aclose()
        # expect: VC101 -- no `raise` follows: the failure and the cancellation both end here
        except (Exception, asyncio.CancelledError):
            pass
        return None


def writable_folder(candidates):
    for candidate in candidates:
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            return str(candidate)
        # ok: VC101 -- the next candidate is tried, and the function raises when none works
        except Exception:
            continue
    raise RuntimeError(f"no writable folder among {candidates}")


def first_reachable(hosts):
    for host in hosts:
        try:
            connection = connect(host)
            break
        # ok: VC101
        except Exception:
            pass
    else:
        raise ConnectionError("no host answered")
    return connection


def prepare_all(candidates):
    for candidate in candidates:
        try:
            candidate.mkdir(parents=True, exist_ok=True)
        # expect: VC101 -- nothing returns on success: every failure vanishes before the raise
        except Exception:
            continue
    raise RuntimeError("done")


def span_attributes(span, url):
    attributes = {"url.full": url}
    try:
        attributes["server.address"] = url.split("/")[2]
    # ok: VC101 -- the comment says the telemetry fails open: the call it observes goes on
    except Exception:  # fail open: a malformed URL must not break the request it describes
        pass
    span.set_attributes(attributes)


def error_messages(responses):
    found = []
    for response in responses:
        try:
            found.append(response.json()["error"]["message"])
        # Intentionally catch broad Exception so that extraction fails open.
        # ok: VC101 -- stated above the except line
        except Exception:
            continue
    return found


def save_quietly(record):
    try:
        record.save()
    # expect: VC101 -- a comment, but not one that decides the failure away
    except Exception:  # TODO look at this later
        pass


def _to_dict_best_effort(obj):
    if hasattr(obj, "model_dump"):
        try:
            return obj.model_dump()
        # ok: VC101 -- the name promises a best effort: the next way of making the dict follows
        except Exception:
            pass
    return dict(vars(obj))


def _to_dict(obj):
    if hasattr(obj, "model_dump"):
        try:
            return obj.model_dump()
        # expect: VC101 -- the same chain, with nothing that says the failure is meant to fall through
        except Exception:
            pass
    return dict(vars(obj))


def find_server(handler):
    """Look the server up on the signal handler.

    Returns None if:
    - the handler is no bound method
    - any introspection fails
    """
    try:
        if hasattr(handler, "__self__"):
            return handler.__self__
    # ok: VC101 -- the docstring makes None the answer when the introspection fails
    except Exception:
        pass
    return None


def find_owner(handler):
    """Return the object the handler is bound to."""
    try:
        if hasattr(handler, "__self__"):
            return handler.__self__
    # expect: VC101 -- the docstring promises the owner, not `None` on a failure
    except Exception:
        pass
    return None


def all_schedulers(configs, connect):
    found = []
    for config in configs:
        try:
            found.extend(connect(config).schedulers())
        # ok: VC101 -- the last statement of the loop: the commented `pass` goes on with the next config
        except Exception:
            # skip the configs whose connection fails (a cache backend that is not installed)
            pass
    return found


def first_schedulers(configs, connect):
    found = []
    for config in configs:
        try:
            found.extend(connect(config).schedulers())
        # expect: VC101 -- no comment says the failing configs are meant to be skipped
        except Exception:
            pass
    return found


def pubsub_messages(messages, loads):
    for message in messages:
        data = None
        try:
            data = loads(message)
        # ok: VC101 -- the code after it asks whether the message was decoded
        except Exception:
            pass
        if data and "method" in data:
            yield data
        try:
            message = loads(message)
        # ok: VC101 -- a message left undecoded is no dict, which the code after it asks
        except Exception:
            pass
        if isinstance(message, dict):
            yield message


def pubsub_fields(messages, loads):
    for message in messages:
        data = None
        try:
            data = loads(message)
        # expect: VC101 -- the code after it uses the value without asking whether it was decoded
        except Exception:
            pass
        yield data["method"]


async def decoded_messages(source, loads):
    async for message in source():
        data = None
        try:
            data = loads(message)
        # ok: VC101 -- nothing in the `try` awaits, so no cancellation reaches it; the code after asks for the value
        except:
            pass
        if data:
            yield data
        try:
            data = await source.decode(message)
        # expect: VC101 -- a bare `except:` around an `await` keeps the task running when it is cancelled
        except:
            pass
        if data:
            yield data


class Subscriptions:
    def close(self):
        while self.pending:
            subscription = self.pending.pop()
            # ok: VC101 -- closing must not fail the caller: a subscription that is gone already is fine
            with contextlib.suppress(Exception):
                self.client.delete_subscription(subscription)

    def refresh(self):
        for subscription in self.pending:
            # expect: VC101 -- a refresh that fails is lost
            with contextlib.suppress(Exception):
                self.client.refresh_subscription(subscription)


def parse_http_date_safe(date, parse_http_date):
    """Same as parse_http_date, but answer nothing for a date it cannot read."""
    try:
        return parse_http_date(date)
    # ok: VC101 -- the `_safe` variant of a parser promises not to raise: its callers get None instead
    except Exception:
        pass


def parse_http_date_loose(date, parse_http_date):
    try:
        return parse_http_date(date)
    # expect: VC101 -- nothing promises that a date it cannot read gives None
    except Exception:
        pass


def language_name(code, locale_class):
    if locale_class is not None:
        try:
            return locale_class.parse(code).display_name
        # ok: VC101 -- the function goes on past the `if` to its own mapping and returns that
        except Exception:
            pass  # fall back to the manual mapping
    names = {"en": "English", "fr": "French"}
    return names.get(code, code)


def language_name_quietly(code, locale_class):
    if locale_class is not None:
        try:
            return locale_class.parse(code).display_name
        # expect: VC101 -- no comment says the mapping below is the fallback
        except Exception:
            pass
    names = {"en": "English", "fr": "French"}
    return names.get(code, code)


def module_callables(mod):
    found = {}
    for attr_name in dir(mod):
        try:
            attr = getattr(mod, attr_name)
        # ok: VC101 -- a walk over what `dir()` lists skips the attributes whose reading raises (a failing property)
        except Exception:
            continue
        if callable(attr):
            found[attr_name] = attr
    return found


def sorted_public_values(obj):
    values = []
    for name in sorted(dir(obj)):
        try:
            value = getattr(obj, name)
        # ok: VC101
        except Exception:
            continue
        values.append(value)
    return values


def configured_values(obj, names):
    values = []
    for name in names:
        try:
            value = getattr(obj, name)
        # expect: VC101 -- the caller named these attributes: one that fails to read is a failure, not a skip
        except Exception:
            continue
        values.append(value)
    return values


def attribute_reports(obj, report):
    for name in dir(obj):
        try:
            value = getattr(obj, name)
            report(name, value)
        # expect: VC101 -- the `try` does the work too, whose failure vanishes with the unreadable attribute's
        except Exception:
            continue
