import logging
import time

import requests

log = logging.getLogger(__name__)


def forward(url: str, payload: dict) -> None:
    """Deliver a payload to a downstream webhook, retrying until it is accepted."""
    # expect: VC109
    while True:
        try:
            # expect: VC106
            # expect: VC405/VC417 -- the URL the payload names (reported here, through the call)
            resp = requests.post(url, json=payload)
            if resp.status_code < 500:
                return
        # expect: VC111/VC102
        except:
            log.warning("forward to %s failed, retrying", url)
        time.sleep(5)


def forward_v2(url: str, payload: dict, attempts: int = 5) -> bool:
    # ok: VC109
    for attempt in range(attempts):
        try:
            resp = requests.post(url, json=payload, timeout=10)
            resp.raise_for_status()
            return True
        except requests.RequestException as exc:
            log.warning("forward to %s failed (%s), attempt %d", url, exc, attempt + 1)
            time.sleep(2**attempt)
    return False
