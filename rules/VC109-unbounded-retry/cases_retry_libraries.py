"""VC109 corpus: retry decorators and retrying objects of tenacity, backoff, retrying and retry with no limit."""
import backoff
import httpx
import requests
import tenacity as tn
from backoff import expo, on_exception
from retry import retry as retry_forever
from retry.api import retry_call
from retrying import retry as old_retry
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    stop_never,
    wait_fixed,
)

POLICY = {"stop": stop_after_attempt(3), "wait": wait_fixed(1)}


# expect: VC109 -- bare: any exception, forever
@retry
def bare(url):
    return httpx.get(url, timeout=5).json()


# expect: VC109 -- a wait and a filter, but no stop
@retry(wait=wait_fixed(2), retry=retry_if_exception_type(httpx.TransportError))
def no_stop(url):
    return httpx.get(url, timeout=5).json()


# expect: VC109 -- stop=None fails with a TypeError at the first retry
@retry(retry=retry_if_exception_type(Exception), stop=None)
def stop_none(url):
    return httpx.get(url, timeout=5).json()


# expect: VC109 -- stop_never spelled through the module alias
@tn.retry(stop=tn.stop_never, wait=tn.wait_exponential(max=30))
def never_aliased(url):
    return httpx.get(url, timeout=5).json()


# expect: VC109
@retry(stop=stop_never)
def never_imported(url):
    return httpx.get(url, timeout=5).json()


# ok: VC109 -- a limit on the attempts
@retry(stop=stop_after_attempt(5), wait=wait_fixed(2), reraise=True)
def bounded(url):
    return httpx.get(url, timeout=5).json()


# ok: VC109 -- a limit on the time, or on either
@tn.retry(stop=(stop_after_delay(60) | stop_after_attempt(10)))
def bounded_either(url):
    return httpx.get(url, timeout=5).json()


# ok: VC109 -- the arguments come from a policy defined elsewhere, which may hold the limit
@retry(**POLICY)
def from_policy(url):
    return httpx.get(url, timeout=5).json()


def loop_without_stop(url):
    # expect: VC109
    for attempt in Retrying(wait=wait_fixed(5)):
        with attempt:
            return httpx.get(url, timeout=5).json()


def loop_with_stop(url):
    # ok: VC109
    for attempt in Retrying(stop=stop_after_attempt(3)):
        with attempt:
            return httpx.get(url, timeout=5).json()


async def async_loop_without_stop(client, url):
    # expect: VC109
    async for attempt in AsyncRetrying(wait=wait_fixed(1)):
        with attempt:
            return (await client.get(url)).json()


# expect: VC109 -- backoff's default: no max_tries, no max_time
@backoff.on_exception(backoff.expo, requests.RequestException)
def backoff_default(url):
    return requests.get(url, timeout=5).json()


# expect: VC109 -- max_tries=None switches the limit off
@on_exception(expo, requests.RequestException, max_tries=None)
def backoff_none(url):
    return requests.get(url, timeout=5).json()


# expect: VC109 -- max_value caps the wait, not the attempts
@backoff.on_predicate(backoff.fibo, lambda status: status != "done", max_value=30)
def poll_status(job):
    return requests.get(f"https://jobs.example.com/{job}", timeout=5).json()["status"]


# ok: VC109 -- bounded in tries
@backoff.on_exception(backoff.expo, requests.RequestException, max_tries=5)
def backoff_bounded(url):
    return requests.get(url, timeout=5).json()


# ok: VC109 -- max_tries given positionally
@on_exception(expo, requests.RequestException, 8)
def backoff_positional(url):
    return requests.get(url, timeout=5).json()


# ok: VC109 -- bounded in time
@backoff.on_predicate(backoff.constant, lambda rows: not rows, interval=2, max_time=60)
def poll_rows(url):
    return requests.get(url, timeout=5).json()


# ok: VC109 -- giveup ends the retries on the failures it judges permanent
@backoff.on_exception(backoff.expo, requests.HTTPError, giveup=lambda e: e.response.status_code < 500)
def backoff_giveup(url):
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    return response.json()


# expect: VC109 -- retrying's decorator without a stop
@old_retry(wait_fixed=2000)
def old_style(url):
    return requests.get(url, timeout=5).json()


# ok: VC109
@old_retry(stop_max_attempt_number=5, wait_fixed=2000)
def old_style_bounded(url):
    return requests.get(url, timeout=5).json()


# expect: VC109 -- the retry package's default is tries=-1
@retry_forever(requests.RequestException, delay=2)
def retry_package_default(url):
    return requests.get(url, timeout=5).json()


# ok: VC109
@retry_forever(requests.RequestException, tries=4, delay=2)
def retry_package_bounded(url):
    return requests.get(url, timeout=5).json()


def call_with_retries(url):
    # expect: VC109 -- tries=-1 spelled out
    return retry_call(requests.get, fargs=[url], tries=-1, delay=1)


def call_with_bounded_retries(url):
    # ok: VC109
    return retry_call(requests.get, fargs=[url], tries=3, delay=1)


def unrelated_retry(queue, job):
    # ok: VC109 -- a method named retry, not a retry library
    queue.retry(job)
