"""VC103 corpus: handlers that log or clean up and then return a normal-looking value fire."""
import asyncio
import json
import logging
import sqlite3
import subprocess
from decimal import Decimal
from typing import Optional

import httpx
import psycopg2
import redis
import requests as r
from azure.core.exceptions import ResourceNotFoundError
from botocore.exceptions import ClientError
from requests.exceptions import ConnectionError as RequestsConnectionError

logger = logging.getLogger(__name__)


def empty_list_after_warning(url):
    try:
        return r.get(url, timeout=5).json()
    except r.RequestException as exc:
        logger.warning("fetch failed: %s", exc)
        # expect: VC103
        return []


def optional_exception_types():
    try:
        from e2b import exceptions
    except Exception:
        # ok: VC103 -- without the optional dependency there are no such types to catch
        return ()
    return (exceptions.TimeoutException,)


def optional_import_then_work():
    try:
        from e2b import exceptions

        types = exceptions.collect()
    except Exception:
        # expect: VC103 -- the try does more than import
        return ()
    return types


def status_ok_dict():
    try:
        deploy()
    except Exception as exc:
        logger.error("deploy failed: %s", exc)
        # expect: VC103
        return {"status": "ok"}


def none_after_cleanup():
    try:
        return load()
    except:
        cleanup()
        # expect: VC103
        return None


def zero_after_timeout(sock):
    try:
        return len(sock.recv(1024))
    except TimeoutError as exc:
        logger.info("no answer: %s", exc)
        # expect: VC103
        return 0


def from_import_alias(url):
    try:
        return r.get(url, timeout=5).text
    except RequestsConnectionError:
        logger.warning("offline")
        # expect: VC103
        return ""


def httpx_failure(url):
    try:
        return httpx.get(url).json()
    except httpx.HTTPError:
        # expect: VC103
        return {}


def traceback_logged_still_hides_failure_from_caller():
    try:
        return compute()
    except Exception:
        logger.exception("compute failed")
        # expect: VC103
        return None


def nested_function():
    def run(cmd):
        try:
            subprocess.run(cmd, check=True)
        except subprocess.CalledProcessError as exc:
            logger.error("command failed: %s", exc)
            # expect: VC103
            return True
    return run


class PaymentClient:
    def refund(self, charge_id):
        try:
            self.post("/refunds", charge_id)
            return {"status": "success"}
        except Exception:
            # expect: VC103 -- a fabricated success, the worst kind
            return {"status": "success"}


def broad_returns_false_without_doing_anything():
    try:
        work()
    except Exception:
        # expect: VC103
        return False


def narrow_lookup(mapping, key):
    try:
        return mapping[key]
    except KeyError:
        # ok: VC103 -- "no such value" is a normal result
        return None


def parse_number(text):
    try:
        return int(text)
    except ValueError:
        # ok: VC103
        return 0


def optional_declared() -> Optional[dict]:
    try:
        return json.loads(read())
    except Exception as exc:
        logger.warning("unreadable: %s", exc)
        # ok: VC103 -- the signature says None is a normal result
        return None


def optional_pipe_declared() -> dict | None:
    try:
        return load()
    except OSError:
        logger.warning("no file")
        # ok: VC103
        return None


def is_reachable(url):
    try:
        r.head(url, timeout=3).raise_for_status()
    except r.RequestException:
        logger.debug("unreachable: %s", url)
        # ok: VC103 -- a predicate answers False
        return False
    return True


def proxy_bypass(host):
    try:
        enabled = read_registry(host)
    except OSError:
        # ok: VC103 -- the function answers True/False elsewhere too
        return False
    if not enabled:
        return False
    return host in enabled


def missing_directory(path):
    try:
        names = list_dir(path)
    except OSError:
        # ok: VC103 -- "nothing there" for a missing directory
        return []
    return sorted(names)


def same_value_returned_elsewhere(enabled):
    if not enabled:
        return {}
    try:
        output = subprocess.check_output(["lsb_release", "-a"])
    except subprocess.CalledProcessError:
        # ok: VC103 -- `{}` is already a normal result of this function
        return {}
    return parse(output)


def procedure_stops(conn, body):
    try:
        conn.send(body)
    except Exception as exc:
        logger.error("upload failed: %s", exc)
        # ok: VC103 -- a bare return is no value
        return


def explicit_failure_marker(url):
    try:
        return r.get(url, timeout=5).json()
    except r.RequestException:
        logger.warning("fetch failed")
        # ok: VC103 -- the value says it is a failure
        return {"success": False, "error": "upstream unavailable"}


def error_string():
    try:
        return compute()
    except Exception as exc:
        logger.warning("compute failed: %s", exc)
        # ok: VC103
        return "<could not compute>"


def error_code():
    try:
        run()
    except Exception as exc:
        logger.error("failed: %s", exc)
        # ok: VC103 -- a non-zero code reads as failure
        return 1


def reraised():
    try:
        return load()
    except Exception:
        logger.exception("load failed")
        raise


def swallowed_is_vc101():
    try:
        return load()
    except Exception:
        # ok: VC103 -- VC101 owns a handler that does nothing
        return None


def printed_is_vc104():
    try:
        return load()
    except Exception as exc:
        print(f"Error: {exc}")
        # ok: VC103 -- VC104 owns a handler that only prints
        return None


def computed_fallback():
    try:
        return load()
    except Exception as exc:
        logger.warning("using defaults: %s", exc)
        # ok: VC103
        return default_settings()


def total_of(items):
    try:
        return sum(item.price * item.qty for item in items)
    except (TypeError, AttributeError) as exc:
        logger.error("could not compute the total: %s", exc)
        # expect: VC103 -- a narrow handler that logs an error, then answers as if there were a value
        return None


def load_settings(path):
    with open(path) as handle:
        try:
            return json.load(handle)
        except json.JSONDecodeError:
            logging.critical("settings file %s is not JSON", path)
            # expect: VC103
            return {}


class Importer:
    def parse_amount(self, text):
        try:
            return Decimal(text)
        except ValueError as exc:
            self.logger.exception("bad amount %r", text)
            # expect: VC103
            return 0


def lookup_price(prices, sku):
    try:
        return prices[sku]
    except KeyError:
        logger.error("no price for %s", sku)
        # ok: VC103 -- a missing key: returning a default is the idiom
        return None


def parse_port(value):
    try:
        return int(value)
    except ValueError:
        logger.warning("invalid port %r", value)
        # ok: VC103 -- a warning says the default is an expected branch
        return 0


def parse_limit(value) -> int | None:
    try:
        return int(value)
    except ValueError:
        logger.error("invalid limit %r", value)
        # ok: VC103 -- the signature declares `None` as a result
        return None


def save_order(db, order):
    try:
        db.insert(order)
        return True
    except ValueError as exc:
        logger.error("could not save the order: %s", exc)
        # ok: VC103 -- `False` against `True`: the caller can tell
        return False


def validate_rows(rows, errors):
    try:
        return [row.validate() for row in rows]
    except ValueError as exc:
        logger.error("invalid rows: %s", exc)
        errors.append(exc)
        # ok: VC103 -- the handler records the error for the caller
        return []


@app.post("/orders")
def create_order_route(customer_id: int, total: float):
    try:
        order_id = save_new_order(customer_id, total)
    except ValueError as e:
        logger.error(f"create failed: {e}")
        # expect: VC103
        return {"status": "failed", "error": "invalid customer"}
    return {"id": order_id}


@bp.route("/reports", methods=["POST"])
def create_report_route():
    try:
        start_report()
    except KeyError:
        # expect: VC103
        return jsonify({"success": False})
    return jsonify({"ok": True}), 202


@router.get("/notes/{note_id}")
async def get_note_route(note_id: int):
    try:
        return await load_note(note_id)
    except LookupError:
        # expect: VC103
        return JSONResponse(content={"error": "note not found"})


@bp.route("/reports/<job_id>")
def report_status_route(job_id):
    try:
        return jsonify(load_status(job_id))
    except KeyError:
        # ok: VC103 -- the status says it
        return jsonify({"error": "not found"}), 404


@router.get("/items/{item_id}")
async def get_item_route(item_id: int):
    try:
        return await load_item(item_id)
    except LookupError:
        # ok: VC103 -- the status says it
        return JSONResponse(status_code=404, content={"error": "item not found"})


@router.get("/items/{item_id}/raw")
async def get_item_raw(item_id: int):
    try:
        return await load_item(item_id)
    except LookupError:
        # ok: VC103 -- the status says it
        return JSONResponse({"error": "item not found"}, 404)


def not_a_route(order):
    try:
        return save_new_order(order.customer_id, order.total)
    except ValueError:
        # ok: VC103 -- an in-band error for a Python caller, who can test it
        return {"error": "invalid customer"}


@app.get("/health")
def health_route():
    try:
        ping_database()
    except ValueError:
        # ok: VC103 -- a health answer that is not an error body
        return {"database": "slow"}
    return {"database": "up"}


@router.post("/items")
def create_item_route(item: dict, response: Response):
    try:
        return store_item(item)
    except ValueError:
        response.status_code = 422
        # ok: VC103 -- the status is set on the response first
        return {"error": "invalid item"}


@api_view(["POST"])
def drf_style(request):
    try:
        return Response(store_item(request.data))
    except ValueError:
        # ok: VC103 -- not one of the route decorators this check knows
        return Response({"error": "invalid item"}, status=400)


def rows_or_empty_on_database_error(conn, owner):
    try:
        return [row[0] for row in conn.execute("SELECT stats FROM snaps WHERE owner = ?", (owner,))]
    except sqlite3.Error as exc:
        logger.warning("db error: %s", exc)
        # expect: VC103 -- an outage reads as "no rows"
        return []


def zero_when_postgres_is_down(cursor):
    try:
        cursor.execute("SELECT count(*) FROM orders")
        return cursor.fetchone()[0]
    except psycopg2.OperationalError:
        logger.warning("postgres unavailable")
        # expect: VC103
        return 0


def cache_miss_on_redis_failure(client, key):
    try:
        return json.loads(client.get(key))
    except redis.exceptions.ConnectionError:
        logger.info("redis down")
        # expect: VC103
        return {}


def duplicate_insert_is_an_answer(conn, email):
    try:
        conn.execute("INSERT INTO users (email) VALUES (?)", (email,))
    except sqlite3.IntegrityError:
        logger.warning("user %s exists", email)
        # ok: VC103 -- the row is already there: an expected branch
        return None
    return email


class Connection:
    def close(self, code):
        try:
            self.writer.close(code)
        except Exception as exc:
            self.exception = exc
            self.close_code = 1006
            # ok: VC103 -- the error is kept for `exception()`, and `True` says the connection is closed
            return True
        return False

    def flush(self):
        try:
            self.writer.drain()
        except Exception as exc:
            self.close_code = 1006
            logger.info("flush failed: %s", exc)
            # expect: VC103 -- the message is logged, the exception object is dropped
            return True
        return False


def bucket_tags(s3, bucket):
    try:
        return s3.get_bucket_tagging(Bucket=bucket)["TagSet"]
    except ClientError as exc:
        logger.warning("tagging lookup failed: %s", exc)
        # expect: VC103 -- the SDK call failed (throttled, denied, gone): no tags is a made-up answer
        return []


def blob_text(blob_client):
    try:
        return blob_client.download_blob().readall().decode()
    except ResourceNotFoundError:
        # ok: VC103 -- no such blob: the SDK's "nothing there", answered as a store answers a missing key
        return None


class StreamReader:
    async def read_chunk(self):
        """Read a chunk of the stream. A lost or reset connection reads as EOF."""
        try:
            return await self.reader.read(65536)
        except (ConnectionError, OSError):
            # ok: VC103 -- the docstring says the failure reads as the stream's own end
            return b""

    async def read_block(self):
        """Read a block of the stream."""
        try:
            return await self.reader.read(65536)
        except (ConnectionError, OSError):
            # expect: VC103 -- nothing says a dropped connection ends the stream
            return b""


async def receive(stream, timeout):
    try:
        chunk = await asyncio.wait_for(stream.read_body_chunk(), timeout)
    except (asyncio.TimeoutError, ConnectionError):
        # ok: VC103 -- the protocol's own message that the peer went away
        return {"type": "http.disconnect"}
    return {"type": "http.request", "body": chunk}


async def receive_body(stream, timeout):
    try:
        chunk = await asyncio.wait_for(stream.read_body_chunk(), timeout)
    except (asyncio.TimeoutError, ConnectionError):
        # expect: VC103 -- an empty body looks like a complete request
        return {"type": "http.request", "body": b""}
    return {"type": "http.request", "body": chunk}


def source_context(frame):
    try:
        module = frame.f_globals["__name__"]
    except Exception:
        # ok: VC103 -- the function's own "no context" answer, returned below as well
        return [], None, []
    if module.startswith("_"):
        return [], None, []
    return lines_of(module), module, []


def source_lines(frame):
    try:
        module = frame.f_globals["__name__"]
    except Exception:
        # expect: VC103 -- a made-up context the function never answers otherwise
        return [], None, []
    return lines_of(module), module, []


def platform_name():
    try:
        return read_platform().lower()
    except Exception:
        # ok: VC103 -- `"unknown"` says the platform could not be read; VC102 asks for the traceback
        return "unknown"


def platform_family():
    try:
        return read_platform().lower()
    except Exception:
        # expect: VC103 -- `"linux"` reads as a real answer
        return "linux"


@register.filter(is_safe=False)
def add(value, arg):
    try:
        return int(value) + int(arg)
    except (ValueError, TypeError):
        try:
            return value + arg
        except Exception:
            # ok: VC103 -- a Django template filter answers a failure with an empty string, as Django asks
            return ""


def add_numbers(value, arg):
    try:
        return value + arg
    except Exception:
        # expect: VC103 -- no filter: `""` reads as a real sum
        return ""


@app.post("/reminders/{reminder_id}/send")
def send_now_route(reminder_id: int):
    try:
        return deliver(reminder_id)
    except Exception as e:
        # expect: VC103 -- a broad handler too: the error goes out as a 200
        return {"error": str(e)}


def cancel_view(request, event_id):
    from django.http import JsonResponse

    try:
        cancel_registration(event_id, request.user)
        return JsonResponse({"cancelled": True})
    except Exception as e:
        # expect: VC103 -- a Django view: no route decorator, but a JSON response with no status
        return JsonResponse({"cancelled": False, "error": str(e)})


def cancel_view_with_status(request, event_id):
    from django.http import JsonResponse

    try:
        cancel_registration(event_id, request.user)
        return JsonResponse({"cancelled": True})
    except LookupError:
        # ok: VC103 -- the status says it
        return JsonResponse({"cancelled": False, "error": "not registered"}, status=404)


def cancel_view_success_body(request, event_id):
    from django.http import JsonResponse

    try:
        cancel_registration(event_id, request.user)
    except LookupError:
        # ok: VC103 -- nothing to cancel is the answer, not an error body
        return JsonResponse({"cancelled": False})
    return JsonResponse({"cancelled": True})
