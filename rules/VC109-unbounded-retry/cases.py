"""VC109 corpus: retry loops with no limit fire, paced or not; bounded, deadline and worker loops do not."""
import asyncio
import os
import itertools
import logging
import socket
import sqlite3
import subprocess
import time
from itertools import cycle

import aio_pika
import anyio
import requests
import requests as r
from botocore.exceptions import ClientError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError
from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.common.by import By
from celery import shared_task
from requests import get

from .celery_app import app
from .errors import APIError, ConfigError, RateLimitError

logger = logging.getLogger(__name__)


def continue_on_error(url):
    # expect: VC109
    while True:
        try:
            return r.get(url, timeout=5).json()
        except r.RequestException:
            continue


def pass_then_loop(url):
    # expect: VC109
    while True:
        try:
            data = get(url, timeout=5).json()
            break
        except Exception:
            pass
    return data


def logs_and_loops(sock):
    # expect: VC109
    while 1:
        try:
            data = sock.recv(1024)
        except OSError as exc:
            logger.warning("retrying: %s", exc)
        else:
            return data


def break_after_try(path):
    # expect: VC109
    while True:
        try:
            handle = open(path)
        except OSError:
            continue
        break
    return handle


def nested_function(connect):
    def inner():
        # expect: VC109
        while True:
            try:
                return connect()
            except ConnectionError:
                logger.info("reconnecting")
    return inner


class Client:
    def login(self):
        # expect: VC109
        while True:
            try:
                self.token = self.auth()
                return self.token
            except (TimeoutError, ConnectionError):
                self.reset()


async def async_retry(fetch):
    # expect: VC109
    while True:
        try:
            return await fetch()
        except Exception:
            continue


def inside_if(fetch, urgent):
    # expect: VC109
    while True:
        if urgent:
            try:
                return fetch()
            except Exception:
                continue


def asks_again():
    # ok: VC109 -- a new input each time round
    while True:
        try:
            return int(input("number: "))
        except ValueError:
            print("not a number")


def interrupted_system_call(sock):
    # ok: VC109
    while True:
        try:
            return sock.recv(4096)
        except (InterruptedError, KeyboardInterrupt):
            continue


def sleeps(url):
    # expect: VC109 -- paced, but a host that is gone is retried forever
    while True:
        try:
            return r.get(url, timeout=5).json()
        except r.RequestException:
            time.sleep(5)


async def async_sleeps(fetch):
    # expect: VC109
    while True:
        try:
            return await fetch()
        except Exception:
            await asyncio.sleep(1)


def counts_attempts(fetch):
    attempts = 0
    # ok: VC109
    while True:
        try:
            return fetch()
        except Exception:
            attempts += 1
            if attempts > 5:
                raise


def reraises(fetch):
    # ok: VC109
    while True:
        try:
            return fetch()
        except ValueError:
            raise


def handler_breaks(fetch):
    # ok: VC109
    while True:
        try:
            result = fetch()
        except Exception:
            logger.exception("giving up")
            break
        return result


def deadline(fetch, until):
    # ok: VC109
    while True:
        if time.monotonic() > until:
            raise TimeoutError("service did not come up")
        try:
            return fetch()
        except ConnectionError:
            continue


def worker_loop(queue):
    # ok: VC109 -- a worker keeps serving; it never leaves on success
    while True:
        try:
            handle(queue.get())
        except Exception:
            logger.exception("job failed")


def supervisor_reports_each_failure(listener):
    # ok: VC109 -- every failure is reported with its traceback
    while True:
        try:
            message = listener.accept()
            if message is None:
                break
            handle(message)
        except Exception:
            logger.exception("request failed")


def bounded_for_loop(fetch):
    # ok: VC109
    for _ in range(3):
        try:
            return fetch()
        except Exception:
            continue


def conditional_loop(fetch, running):
    # ok: VC109
    while running():
        try:
            return fetch()
        except Exception:
            continue


def backoff_helper(fetch, policy):
    # ok: VC109
    while True:
        try:
            return fetch()
        except ConnectionError:
            policy.backoff()


def counts_but_never_stops(client):
    attempt = 0
    # expect: VC109 -- the count only feeds the backoff and the log line
    while True:
        attempt += 1
        try:
            client.connect()
            break
        except ConnectionError:
            logger.info("attempt %d failed", attempt)
            time.sleep(min(2 ** attempt, 30))


def logs_traceback_and_retries(fetch):
    # expect: VC109 -- leaves as soon as one call succeeds: a retry, however loudly it logs
    while True:
        try:
            return fetch()
        except Exception:
            logger.exception("retrying")
            time.sleep(5)


def waits_for_flag(client):
    connected = False
    # expect: VC109
    while not connected:
        try:
            client.connect()
            connected = True
        except ConnectionError:
            logger.warning("retrying in 5s")
            time.sleep(5)


def flag_with_limit(client):
    connected, attempts = False, 0
    # ok: VC109
    while not connected:
        try:
            client.connect()
            connected = True
        except ConnectionError:
            attempts += 1
            if attempts >= 5:
                raise
            time.sleep(5)


def handler_gives_up_through_flag(client):
    done = False
    # ok: VC109 -- the handler ends the loop
    while not done:
        try:
            client.connect()
            done = True
        except ConnectionError:
            logger.error("cannot connect: giving up")
            done = True


def sleeps_until_deadline(fetch):
    until = time.monotonic() + 30
    # ok: VC109
    while True:
        if time.monotonic() > until:
            raise TimeoutError("service did not come up")
        try:
            return fetch()
        except ConnectionError:
            time.sleep(1)


def paced_supervisor(listener):
    # ok: VC109 -- serves until a sentinel arrives, reporting every failure in full
    while True:
        try:
            message = listener.accept()
            if message is None:
                break
            handle(message)
        except Exception:
            logger.exception("request failed")
            time.sleep(1)


def paced_worker(queue):
    # ok: VC109 -- never leaves on success
    while True:
        try:
            handle(queue.get())
        except Exception:
            logger.warning("job failed")
            time.sleep(1)


def counts_attempts_forever(fetch):
    # expect: VC109
    for attempt in itertools.count(1):
        try:
            return fetch()
        except ConnectionError:
            logger.warning("attempt %d failed", attempt)
            time.sleep(1)


def cycles_through_mirrors(fetch, mirrors):
    # expect: VC109
    for mirror in cycle(mirrors):
        try:
            return fetch(mirror)
        except OSError:
            continue


def counts_attempts_up_to_a_limit(fetch):
    # ok: VC109
    for attempt in itertools.count(1):
        try:
            return fetch()
        except ConnectionError:
            if attempt >= 5:
                raise
            time.sleep(attempt)


def repeats_a_bounded_number_of_times(fetch):
    # ok: VC109
    for _ in itertools.repeat(None, 3):
        try:
            return fetch()
        except ConnectionError:
            time.sleep(1)
    raise TimeoutError("three attempts failed")


def resets_its_counter_at_the_top(url):
    # expect: VC109 -- `attempts` is 0 again on every pass: `attempts >= 5` never holds
    while True:
        attempts = 0
        try:
            return r.get(url, timeout=5).json()
        except r.RequestException:
            attempts += 1
            if attempts >= 5:
                raise
            time.sleep(1)


def resets_its_counter_inside_the_try(url, max_retries):
    # expect: VC109
    while True:
        try:
            retries = 0
            response = get(url, timeout=5)
            response.raise_for_status()
            return response.json()
        except r.RequestException:
            retries += 1
            if max_retries < retries:
                break
            time.sleep(2)


def checks_a_reset_counter_before_the_try(url):
    # expect: VC109
    while True:
        tries = 0
        if tries > 10:
            raise RuntimeError("gave up")
        try:
            return r.get(url, timeout=5)
        except ConnectionError:
            tries += 1
            continue


def counts_down_a_reset_counter(url):
    attempt = 0
    # expect: VC109 -- the loop's own condition reads a counter set back on every pass
    while attempt < 5:
        attempt = 0
        try:
            return r.get(url, timeout=5)
        except ConnectionError:
            attempt += 1


def counter_set_once_before_the_loop(url):
    attempts = 0
    # ok: VC109
    while True:
        try:
            return r.get(url, timeout=5).json()
        except r.RequestException:
            attempts += 1
            if attempts >= 5:
                raise
            time.sleep(1)


def counts_consecutive_failures(url):
    failures = 0
    # ok: VC109 -- set back only once the fetch succeeded: five failures in a row still end it
    while True:
        try:
            data = r.get(url, timeout=5).json()
            failures = 0
            if data["done"]:
                return data
        except r.RequestException:
            failures += 1
            if failures > 5:
                raise
            time.sleep(1)


def limit_of_one_is_reached(url):
    # ok: VC109 -- one increment reaches `>= 1`: the first failure raises
    while True:
        errors = 0
        try:
            return r.get(url, timeout=5)
        except ConnectionError:
            errors += 1
            if errors >= 1:
                raise


def counter_loop_that_counts(url):
    attempt = 0
    # expect: VC109 -- bounded (no unbounded-retry finding), but nothing pauses between the attempts
    while attempt < 5:
        try:
            return r.get(url, timeout=5)
        except ConnectionError:
            attempt += 1
    raise TimeoutError(url)


def checks_the_deadline_too(url, deadline):
    # ok: VC109 -- the deadline ends it even though the counter is set back
    while True:
        attempts = 0
        if time.monotonic() > deadline:
            raise TimeoutError(url)
        try:
            return r.get(url, timeout=5)
        except ConnectionError:
            attempts += 1
            if attempts > 3:
                raise


def send_email(to, body):
    try:
        requests.post("https://mail.example/send", json={"to": to, "body": body}, timeout=10).raise_for_status()
    except requests.RequestException:
        time.sleep(1)
        # expect: VC109
        send_email(to, body)


class Uploader:
    def upload(self, path, *, bucket):
        try:
            return self.client.put(path, bucket)
        except ConnectionError:
            # expect: VC109
            return self.upload(path, bucket=bucket)

    async def refresh(self):
        try:
            await self.session.refresh()
        except Exception:
            await asyncio.sleep(5)
            # expect: VC109
            await self.refresh()


def connect():
    try:
        return socket.create_connection(("db", 5432), timeout=5)
    except OSError:
        # expect: VC109
        return connect()


def send_counted(to, body, retries=3):
    try:
        requests.post("https://mail.example/send", json={"to": to}, timeout=10).raise_for_status()
    except requests.RequestException:
        # expect: VC109 -- `retries` counts down, but nothing ever checks it
        send_counted(to, body, retries - 1)


def send_checked(to, body, retries=3):
    if retries <= 0:
        raise RuntimeError("mail server unreachable")
    try:
        requests.post("https://mail.example/send", json={"to": to}, timeout=10).raise_for_status()
    except requests.RequestException:
        # ok: VC109
        send_checked(to, body, retries - 1)


async def publish(channel, body, delay=1.0):
    try:
        await channel.publish(body)
    except ConnectionError:
        await asyncio.sleep(delay)
        # expect: VC109
        await publish(channel, body, min(delay * 2, 30))


def fetch_page(url, use_cache=True):
    try:
        return requests.get(url, timeout=5, headers={} if use_cache else {"Cache-Control": "no-cache"}).text
    except requests.RequestException:
        # ok: VC109 -- the second call differs in a flag the function reads
        return fetch_page(url, use_cache=False)


def send_guarded(to, body, attempt=0):
    try:
        requests.post("https://mail.example/send", json={"to": to}, timeout=10).raise_for_status()
    except requests.RequestException:
        if attempt >= 3:
            raise
        # ok: VC109
        send_guarded(to, body, attempt=attempt + 1)


def parse_or_retry(text):
    try:
        return int(text)
    except ValueError:
        # ok: VC109
        return parse_or_retry(text.strip())


def walk(node):
    try:
        return node.value
    except KeyError:
        # ok: VC109
        return walk(node)


def other_function(url):
    try:
        return fetch(url)
    except ConnectionError:
        # ok: VC109
        return fetch_from_mirror(url)


class Client:
    def get(self, url):
        try:
            return self.session.get(url, timeout=5)
        except ConnectionError:
            # ok: VC109
            return get(url)


class Connector:
    def connect(self):
        if self.attempts >= 3:
            raise ConnectionError("database unreachable")
        try:
            return socket.create_connection(("db", 5432), timeout=5)
        except OSError:
            self.attempts += 1
            # ok: VC109 -- the counter it moves is checked at the top
            return self.connect()


def poll_job_until_done(job_id):
    # expect: VC109 -- a job stuck in "running" keeps the caller here forever
    while True:
        response = requests.get(f"https://api.example.com/jobs/{job_id}", timeout=10)
        response.raise_for_status()
        if response.json()["status"] == "done":
            break
        time.sleep(2)
    return response.json()


def poll_client_status(client, job):
    # expect: VC109
    while True:
        status = client.get_status(job)
        if status.state == "FAILED":
            raise RuntimeError(status.error)
        if status.state == "SUCCEEDED":
            return status.result
        time.sleep(10)


async def poll_async(session, url):
    # expect: VC109
    while True:
        async with session.get(url) as resp:
            payload = await resp.json()
        if payload.get("ready"):
            return payload
        await asyncio.sleep(1)


def poll_while_pending(client, job_id):
    status = client.get_job(job_id).status
    # expect: VC109
    while status != "done":
        time.sleep(5)
        status = client.get_job(job_id).status
    return status


def wait_until_ready(client):
    # expect: VC109
    while not client.is_ready():
        time.sleep(1)


def poll_with_sleep_imported(fetch_export):
    from time import sleep
    # expect: VC109
    for attempt in itertools.count(1):
        export = fetch_export()
        if export and export["url"]:
            return export["url"]
        sleep(3)


def poll_and_log_errors(url):
    # expect: VC109 -- the except keeps polling and the only way out is the awaited answer
    while True:
        state = None
        try:
            state = r.get(url, timeout=5).json()["state"]
        except r.RequestException:
            logger.warning("status check failed")
        if state == "complete":
            return state
        time.sleep(5)


def poll_nested_checks(url):
    # expect: VC109
    while True:
        resp = get(url, timeout=5)
        if resp.status_code == 200:
            data = resp.json()
            if data["ready"]:
                return data
        time.sleep(1)


def poll_against_a_deadline(client, job_id, timeout=300):
    deadline = time.monotonic() + timeout
    # ok: VC109
    while time.monotonic() < deadline:
        if client.get_job(job_id).status == "done":
            return
        time.sleep(5)
    raise TimeoutError(job_id)


class AudioPump:
    def _idle_frame_due(self):
        return self._next_frame

    async def wait_for_idle_frame(self):
        # ok: VC109 -- the program's own clock: the wait ends once the frame is due, whatever it is asked
        while (delay := self._idle_frame_due() - _pump_clock()) > 0:
            await asyncio.sleep(min(delay, 0.02))

    def wait_for_slot(self, scheduler):
        # ok: VC109 -- `self._now()` reads a clock kept apart so tests can move it
        while scheduler.next_slot() > self._now():
            time.sleep(0.5)

    def wait_for_clock_sync(self, device):
        # expect: VC109 -- a device's clock state, asked again on every pass, is an answer, not a deadline
        while not device.clock_synced():
            time.sleep(1)


def _pump_clock():
    return time.monotonic()


def poll_checks_elapsed_time(client, job_id, timeout):
    start = time.time()
    # ok: VC109
    while True:
        if client.get_job(job_id).status == "done":
            return
        if time.time() - start > timeout:
            raise TimeoutError(job_id)
        time.sleep(5)


def poll_counts_its_attempts(client, job_id):
    polls = 0
    # ok: VC109
    while True:
        status = client.get_job(job_id).status
        if status == "done":
            return status
        polls += 1
        if polls > 60:
            raise TimeoutError(job_id)
        time.sleep(5)


def poll_with_max_attempts(client, job_id, max_polls):
    # ok: VC109
    for _ in range(max_polls):
        if client.get_job(job_id).status == "done":
            return
        time.sleep(5)
    raise TimeoutError(job_id)


class Poller:
    def run(self):
        # ok: VC109 -- a stop event ends it from outside
        while True:
            if self._stop_event.is_set():
                break
            job = self.client.next_job()
            if job is None:
                return
            time.sleep(1)

    def watch(self):
        # ok: VC109
        while self.running:
            self.refresh(self.client.poll())
            time.sleep(5)

    def wait_for_flag(self):
        # ok: VC109 -- another thread sets the flag; nothing is asked here
        while True:
            if self.finished:
                break
            time.sleep(0.1)


def consumer(queue):
    # ok: VC109 -- blocks on the queue, leaves on the sentinel, never sleeps
    while True:
        message = queue.get()
        if message is None:
            break
        handle(message)


def scheduler():
    # ok: VC109 -- a main loop that never leaves
    while True:
        run_pending()
        time.sleep(1)


def drain(pool, pending):
    # ok: VC109 -- `wait(..., timeout=)` waits on the work itself
    while pending:
        done, pending = pool.wait(pending, timeout=0.1)
        for future in done:
            future.result()


def backs_off_when_idle(sqs):
    # ok: VC109 -- a consumer: the sleep is for an empty queue, and nothing ends it
    while True:
        batch = sqs.receive()
        if not batch:
            time.sleep(1)
            continue
        handle(batch)


def start_watchdog(parent):
    def watch_parent():
        # ok: VC109 -- a watchdog runs as long as what it watches lives
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)
    return watch_parent


def run_with_reloader(args, lockfile, interval):
    while os.path.exists(lockfile):
        process = subprocess.Popen(args)
        # ok: VC109 -- waits for the child process it started, as `process.wait()` does: a reloader's supervisor
        while process.poll() is None:
            os.utime(lockfile, None)
            time.sleep(interval)
        if process.returncode != 3:
            return process.returncode


def wait_for_child_in_a_loop(process, lockfile):
    # ok: VC109 -- the exit test is the child's exit status
    while True:
        if process.poll() is not None:
            break
        os.utime(lockfile, None)
        time.sleep(1)


class SelectorProcess:
    def __init__(self, popen):
        self.popen = popen

    async def wait(self):
        # ok: VC109 -- polls the child's exit status so that the caller's timeout can cancel the wait
        while (returncode := self.popen.poll()) is None:
            await asyncio.sleep(0.05)
        return returncode

    def wait_with_status(self, interval):
        # ok: VC109 -- the name the loop binds to the child's exit status
        while True:
            status = self.popen.poll()
            if status is not None:
                return status
            time.sleep(interval)

    def wait_for_ready(self, client):
        # expect: VC109 -- a walrus over a service's answer is still a poll with no limit
        while (state := client.poll_state()) is None:
            time.sleep(1)
        return state


async def wait_for_startup(events):
    # ok: VC109 -- waits on a list a task beside it fills: `any()` over its own values asks nothing outside
    while True:
        if any(e["type"] == "lifespan.startup.complete" for e in events):
            break
        await asyncio.sleep(0)


async def kill_excess_workers(self):
    # ok: VC109 -- each pass kills a worker: the loop makes its own condition false
    while len(self.workers) > self.num_workers:
        self.kill_worker(min(self.workers))
        await asyncio.sleep(0.1)


def wait_for_all_jobs(client, jobs):
    # expect: VC109 -- `any()` wraps a question asked of a service on every pass
    while any(client.status(job) != "done" for job in jobs):
        time.sleep(5)


def poll_a_service_process(client, job):
    # expect: VC109 -- the answer is a job's state on a service, not a child process's exit status
    while client.poll(job) is None:
        time.sleep(1)


def monitor_connection(conn):
    # ok: VC109
    while True:
        if not conn.ping():
            return
        time.sleep(30)


def write_while_locked(conn, row):
    # expect: VC109 -- a database locked for good keeps this loop waiting forever
    while True:
        try:
            conn.execute("INSERT INTO t VALUES (?)", (row,))
            break
        except sqlite3.OperationalError:
            time.sleep(0.1)


def poll_a_flag(client):
    done = False
    # expect: VC109
    while not done:
        done = client.check()
        time.sleep(1)


def poll_a_flag_with_a_budget(client, budget):
    done = False
    # ok: VC109
    while not done:
        done = client.check()
        budget -= 1
        if budget <= 0:
            raise TimeoutError("not done")
        time.sleep(1)


def bounded_retry_without_pause(url):
    # expect: VC109
    for attempt in range(3):
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            logger.warning("attempt %d failed", attempt)
    raise RuntimeError("service down")


async def bounded_async_retry_without_pause(connect):
    # expect: VC109
    for _ in range(5):
        try:
            return await connect()
        except (ConnectionError, asyncio.TimeoutError):
            continue


def counted_retry_without_pause(url, max_attempts=3):
    attempt = 0
    # expect: VC109 -- bounded by the counter it moves, but nothing pauses
    while attempt < max_attempts:
        try:
            return requests.get(url, timeout=5).json()
        except requests.ConnectionError:
            attempt += 1
    raise RuntimeError("service down")


def countdown_retry_without_pause(run, command):
    retries = 3
    # expect: VC109
    while retries:
        try:
            return run(command, check=True)
        except subprocess.CalledProcessError:
            retries = retries - 1
    raise RuntimeError("command keeps failing")


def counted_retry_with_pause(url, max_attempts=3):
    attempt = 0
    # ok: VC109 -- bounded, and it waits before trying again
    while attempt < max_attempts:
        try:
            return requests.get(url, timeout=5).json()
        except requests.ConnectionError:
            attempt += 1
            time.sleep(2 ** attempt)
    raise RuntimeError("service down")


def counted_loop_over_pages(fetch, pages):
    page = 0
    # ok: VC109 -- each pass asks for another page
    while page < pages:
        try:
            fetch(page)
        except requests.ConnectionError:
            logger.warning("page %d failed", page)
        page += 1


def countdown_with_unmoved_counter(url, retries):
    # ok: VC109 -- the counter never moves: not a bounded retry (and no pause: not a poll)
    while retries:
        try:
            return requests.get(url, timeout=5).json()
        except requests.ConnectionError:
            logger.warning("failed")


def bounded_retry_with_backoff(url):
    # ok: VC109
    for attempt in range(3):
        try:
            return requests.get(url, timeout=5).json()
        except requests.RequestException:
            time.sleep(2 ** attempt)
    raise RuntimeError("service down")


def bounded_retry_of_a_collision(db, make_code):
    # ok: VC109 -- a collision asks for another value, not for time
    for _ in range(10):
        try:
            return db.insert(make_code())
        except sqlite3.IntegrityError:
            continue


def tries_each_mirror(mirrors):
    # ok: VC109 -- each pass tries another mirror
    for index in range(len(mirrors)):
        try:
            return requests.get(mirrors[index], timeout=5).json()
        except requests.RequestException:
            continue


def test_job_finishes(client):
    deadline = time.monotonic() + 30
    # ok: VC109 -- the assert ends the wait at the deadline
    while client.get("/job").json()["state"] == "running":
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(0.5)


def test_job_answers(client):
    # expect: VC109 -- the assert only checks each answer; nothing ends the wait
    while True:
        response = client.get("/job")
        assert response.status_code < 500
        if response.json()["state"] == "done":
            break
        time.sleep(0.5)


def upload_until_it_works(s3, path, bucket, key):
    attempt = 0
    # expect: VC109 -- the SDK's error, counted but never checked
    while True:
        try:
            s3.upload_file(path, bucket, key)
            return
        except ClientError:
            attempt += 1
            time.sleep(min(2**attempt, 60))


def upload_bounded(s3, path, bucket, key):
    attempt = 0
    # ok: VC109 -- the counter is checked
    while True:
        try:
            s3.upload_file(path, bucket, key)
            return
        except ClientError:
            attempt += 1
            if attempt >= 5:
                raise
            time.sleep(2**attempt)


# expect: VC109 -- Celery's retry limit switched off on a task that retries
@app.task(bind=True, max_retries=None, default_retry_delay=30)
def deliver_webhook(self, url, body):
    try:
        requests.post(url, data=body, timeout=10).raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc) from exc


# expect: VC109
@shared_task(autoretry_for=(requests.RequestException,), max_retries=None)
def sync_contact(url, contact):
    requests.put(url, json=contact, timeout=10).raise_for_status()


# expect: VC109 -- the automatic retries' own limit switched off
@app.task(autoretry_for=(requests.RequestException,), retry_kwargs={"max_retries": None}, retry_backoff=True)
def relay_event(url, event):
    requests.post(url, json=event, timeout=10).raise_for_status()


# expect: VC109
@shared_task(autoretry_for=(OSError,), retry_kwargs=dict(max_retries=None, countdown=5))
def copy_to_archive(path):
    shutil.copy(path, ARCHIVE)


# ok: VC109 -- `retry_kwargs` limits the automatic retries over the task's `max_retries=None`
@shared_task(autoretry_for=(requests.RequestException,), max_retries=None, retry_kwargs={"max_retries": 8})
def sync_invoice(url, invoice):
    requests.put(url, json=invoice, timeout=10).raise_for_status()


# ok: VC109
@app.task(autoretry_for=(requests.RequestException,), retry_kwargs={"max_retries": 5, "countdown": 10})
def relay_event_bounded(url, event):
    requests.post(url, json=event, timeout=10).raise_for_status()


# ok: VC109 -- a limit, with backoff
@shared_task(bind=True, max_retries=5, retry_backoff=True)
def deliver_event(self, url, body):
    try:
        requests.post(url, data=body, timeout=10).raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc) from exc


# ok: VC109 -- no limit, but the task never retries
@app.task(max_retries=None)
def cleanup():
    remove_old_rows()


# ok: VC109 -- each retry passes the limit its caller chose
@app.task(bind=True, max_retries=None)
def unlock_when_ready(self, group, interval=1, max_retries=None):
    if not group.ready():
        raise self.retry(countdown=interval, max_retries=max_retries)


@shared_task(bind=True)
def refund_payment(self, payment_id):
    try:
        gateway.refund(payment_id)
    except GatewayError as exc:
        # expect: VC109 -- the retry call itself lifts the task's limit
        raise self.retry(exc=exc, countdown=30, max_retries=None)


@shared_task(bind=True)
def capture_payment(self, payment_id):
    try:
        gateway.capture(payment_id)
    except GatewayError as exc:
        # ok: VC109 -- each retry call keeps a limit
        raise self.retry(exc=exc, countdown=30, max_retries=8)


def poll_status(job, max_retries=None):
    # ok: VC109 -- not a Celery task: `retry` here is the job's own method
    return job.retry(max_retries=None)


async def publish_event(channel, routing_key, body, delay=1.0):
    try:
        await channel.default_exchange.publish(aio_pika.Message(body=body), routing_key=routing_key)
    except aio_pika.exceptions.AMQPError:
        await asyncio.sleep(delay)
        # expect: VC109
        await publish_event(channel, routing_key, body, min(delay * 2, 30))


async def publish_event_bounded(channel, routing_key, body, attempts=5):
    try:
        await channel.default_exchange.publish(aio_pika.Message(body=body), routing_key=routing_key)
    except aio_pika.exceptions.AMQPError:
        if attempts <= 1:
            raise
        # ok: VC109
        await publish_event_bounded(channel, routing_key, body, attempts - 1)


def clear_expired_in_batches(queryset, query, batch_size, interval):
    current_no = queryset.count()
    # ok: VC109 -- each pass deletes a batch of what it counts: the loop drains the backlog by its own work
    while current_no:
        batch = queryset.values_list("pk", flat=True)[:batch_size]
        queryset.model.objects.filter(pk__in=list(batch)).delete()
        queryset = queryset.model.objects.filter(query)
        time.sleep(interval)
        current_no = queryset.count()


def purge_stale_sessions(store, batch_size):
    # ok: VC109
    while True:
        stale = list(store.stale_keys(limit=batch_size))
        if not stale:
            break
        store.delete_many(stale)
        time.sleep(0.5)


def poll_and_delete_failed(client, job_id):
    # expect: VC109 -- the delete runs only on a failed answer: every pass still waits on the job's status
    while True:
        job = client.get_job(job_id)
        if job.status == "done":
            return job
        if job.status == "failed":
            job.delete()
        time.sleep(5)


def wait_for_result(results, key):
    # expect: VC109 -- `pop` takes the answer another thread leaves: nothing here makes it come
    while True:
        result = results.pop(key, None)
        if result is not None:
            return result
        time.sleep(0.1)


async def release_child(workspace, release, finished):
    with anyio.move_on_after(30, shield=True):
        await workspace.write_bytes(release, b"go")
        # ok: VC109 -- the time limit of the enclosing block cancels the wait
        while not await workspace.exists(finished):
            await anyio.sleep(0.1)


async def connect_within(url):
    async with asyncio.timeout(60):
        # ok: VC109 -- the retries end when the time limit does
        while True:
            try:
                return await open_connection(url)
            except ConnectionError:
                await asyncio.sleep(1)


async def release_after(workspace, finished):
    with anyio.move_on_after(30):
        await workspace.write_bytes(finished, b"go")
    # expect: VC109 -- after the time-limited block: nothing bounds this wait
    while not await workspace.exists(finished):
        await anyio.sleep(0.1)


class LedgerServicer:
    def StreamBalances(self, request, context):
        # ok: VC109 -- it yields on every pass: a stream its consumer ends
        while context.is_active():
            status = self.ledger.get_status(request.account)
            yield status
            time.sleep(5)


def wait_for_balance(ledger, account):
    # expect: VC109 -- it waits on the answer alone, and nothing else ends it
    while True:
        status = ledger.get_status(account)
        if status.done:
            return status
        time.sleep(5)


import ray


# expect: VC109 -- Ray's -1 is no limit: an error is retried forever
@ray.remote(max_retries=-1, retry_exceptions=True)
def score_partition(frame):
    return frame.describe()


# ok: VC109 -- a limit
@ray.remote(max_retries=3, retry_exceptions=[ConnectionError])
def score_partition_bounded(frame):
    return frame.describe()


# ok: VC109 -- a number of CPUs, not of retries
@ray.remote(num_cpus=-1 + 2)
def score_small(frame):
    return frame


# expect: VC109
@ray.remote(max_restarts=4, max_task_retries=-1)
class Scorer:
    def score(self, frame):
        return frame


# ok: VC109 -- the actor is restarted, its failed calls are not retried
@ray.remote(max_restarts=-1)
class Watchdog:
    def ping(self):
        return True


def score_all(frames):
    # expect: VC109
    refs = [score_partition_bounded.options(max_retries=-1).remote(f) for f in frames]
    # ok: VC109
    more = [score_partition.options(max_retries=2).remote(f) for f in frames]
    return ray.get(refs + more)


def wait_for_report_table(driver):
    # expect: VC109
    while True:
        try:
            return driver.find_element(By.CSS_SELECTOR, "table#report")
        except NoSuchElementException:
            time.sleep(1)


def wait_for_report_table_bounded(driver):
    # ok: VC109
    for _ in range(30):
        try:
            return driver.find_element(By.CSS_SELECTOR, "table#report")
        except NoSuchElementException:
            time.sleep(1)
    raise TimeoutError("the report table never appeared")


async def click_when_ready(page):
    # expect: VC109
    while True:
        try:
            await page.click("text=Export", timeout=2000)
            return
        except PlaywrightTimeoutError:
            await asyncio.sleep(1)


def read_setting(settings, key):
    # ok: VC109 -- a new key on each pass, no failure retried
    while True:
        try:
            return settings[key]
        except KeyError:
            key = input("unknown key, another? ")


def call_until_deadline(target, timeout, judge_failure):
    deadline = time.monotonic() + timeout if timeout is not None else None
    # ok: VC109 -- each failure goes to a helper given the deadline, which raises once it has passed
    while True:
        try:
            return target()
        except Exception as exc:
            pause = judge_failure(exc, deadline)
            time.sleep(pause)


def call_logging_the_deadline(target, timeout):
    deadline = time.monotonic() + timeout
    # expect: VC109 -- the deadline is only logged: nothing stops the attempts when it passes
    while True:
        try:
            return target()
        except Exception as exc:
            logger.warning("attempt failed (%s), retrying until %s", exc, deadline)
            time.sleep(1)


def call_with_a_wait_value(target, judge_failure):
    wait = 5
    # expect: VC109 -- the helper gets a pause length, not a deadline
    while True:
        try:
            return target()
        except Exception as exc:
            pause = judge_failure(exc, wait)
            time.sleep(pause)


def search_waiting_out_rate_limits(client, query):
    wait = 1.0
    # expect: VC109 -- the status test picks the errors retried: a 429 that never ends is retried forever
    while True:
        try:
            return client.request("GET", "search", params={"q": query})
        except APIError as exc:
            if exc.status != 429:
                raise
            time.sleep(wait)
            wait *= 2


def export_when_not_throttled(client):
    # expect: VC109 -- a project's own rate-limit error, retried without limit
    while True:
        try:
            return client.export()
        except RateLimitError:
            logger.info("throttled, waiting")
            time.sleep(30)


def search_with_a_limit(client, query, attempts=5):
    attempt = 0
    # ok: VC109 -- the same test also reads the attempt counter: a limit
    while True:
        attempt += 1
        try:
            return client.request("GET", "search", params={"q": query})
        except APIError as exc:
            if exc.status != 429 or attempt >= attempts:
                raise
            time.sleep(2 ** attempt)


def search_until_deadline(client, query, timeout=60):
    deadline = time.monotonic() + timeout
    # ok: VC109 -- a deadline bounds the waiting
    while True:
        try:
            return client.request("GET", "search", params={"q": query})
        except APIError as exc:
            if exc.status != 429 or time.monotonic() > deadline:
                raise
            time.sleep(1)


def ask_for_config():
    # ok: VC109 -- a bad answer from the user, asked again: no service failing
    while True:
        try:
            return ConfigError.check(input("config path: "))
        except ConfigError:
            print("not a valid config, try again")


def connect_forgets_the_step(url):
    attempts = 0
    # expect: VC109 -- `attempts` is never stepped: the limit is never reached
    while attempts < 5:
        try:
            return open_connection(url)
        except ConnectionError:
            time.sleep(1)
    raise RuntimeError("unavailable")


def connect_steps_the_counter(url):
    attempts = 0
    # ok: VC109
    while attempts < 5:
        try:
            return open_connection(url)
        except ConnectionError:
            attempts += 1
            time.sleep(1)
    raise RuntimeError("unavailable")
