"""Daily exchange rates from the central bank's public feed, verified TLS, a timeout, bounded retries."""

from __future__ import annotations

import logging
import ssl
import time
import urllib.error
import urllib.request
from datetime import date
from decimal import Decimal

from defusedxml import ElementTree as SafeET

from .cache import Cache

logger = logging.getLogger(__name__)
FEED = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
TIMEOUT = 10
ATTEMPTS = 3
_CONTEXT = ssl.create_default_context()


class RatesUnavailable(RuntimeError):
    """The feed could not be fetched or read."""


def _fetch(url: str = FEED) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "ledgerkit/2"})
    # ok: VC109
    for attempt in range(ATTEMPTS):
        try:
            # ok: VC106/VC404/VC405
            with urllib.request.urlopen(request, timeout=TIMEOUT, context=_CONTEXT) as response:
                return response.read()
        except urllib.error.URLError:
            logger.warning("rate feed attempt %d/%d failed", attempt + 1, ATTEMPTS, exc_info=True)
            if attempt + 1 < ATTEMPTS:
                time.sleep(2**attempt)
    raise RatesUnavailable(f"rate feed unreachable after {ATTEMPTS} attempts")


def euro_rates(day: date, cache: Cache) -> dict[str, Decimal]:
    cached = cache.get(f"fx:{day.isoformat()}")
    if cached is not None:
        return {code: Decimal(rate) for code, rate in cached.items()}
    try:
        # ok: VC416
        root = SafeET.fromstring(_fetch())
    except SafeET.ParseError as exc:
        raise RatesUnavailable("rate feed is not well-formed") from exc
    rates = {cube.attrib["currency"]: Decimal(cube.attrib["rate"]) for cube in root.iter() if "currency" in cube.attrib}
    if not rates:
        raise RatesUnavailable("rate feed holds no rates")
    cache.put(f"fx:{day.isoformat()}", {code: str(rate) for code, rate in rates.items()})
    return rates
