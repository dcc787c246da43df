"""HTTP plumbing shared by the resource methods."""

import logging
import time
from abc import ABC, abstractmethod
from typing import Any, Optional

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .errors import APIError, AuthenticationError, NotFoundError

logger = logging.getLogger("helpdesk")

DEFAULT_TIMEOUT = 30


class Auth(ABC):
    @abstractmethod
    def apply(self, session: requests.Session) -> None:
        # ok: VC501
        raise NotImplementedError


class TokenAuth(Auth):
    def __init__(self, email: str, token: str) -> None:
        self.email = email
        self.token = token

    def apply(self, session: requests.Session) -> None:
        session.auth = (f"{self.email}/token", self.token)


class OAuthAuth(Auth):
    def __init__(self, access_token: str) -> None:
        self.access_token = access_token

    def apply(self, session: requests.Session) -> None:
        session.headers["Authorization"] = f"Bearer {self.access_token}"

    # expect: VC501
    def refresh(self) -> None:
        raise NotImplementedError("OAuth refresh is not supported yet")


class Transport:
    def __init__(self, base_url: str, auth: Auth, verify_ssl: bool = True, timeout: float = DEFAULT_TIMEOUT,
                 debug: bool = False) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.debug = debug
        self.session = requests.Session()
        auth.apply(self.session)
        # ok: VC404
        self.session.verify = verify_ssl
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(429, 502, 503, 504),
                      allowed_methods=("GET", "PUT", "DELETE"))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        url = f"{self.base_url}/api/v2/{path.lstrip('/')}"
        if self.debug:
            # expect: VC407
            logger.debug("%s %s auth=%s headers=%s", method, url, self.session.auth, self.session.headers)
        kwargs.setdefault("timeout", self.timeout)
        resp = self.session.request(method, url, **kwargs)
        if resp.status_code == 401:
            raise AuthenticationError(401, "invalid credentials")
        if resp.status_code == 404:
            raise NotFoundError(404, f"{path} not found")
        if resp.status_code >= 400:
            raise APIError(resp.status_code, resp.text[:200], _json_or_none(resp))
        return resp.json() if resp.content else None

    def request_with_backoff(self, method: str, path: str, **kwargs: Any) -> Any:
        """Rate-limited endpoints (search, exports): wait out 429s."""
        wait = 1.0
        # expect: VC109
        while True:
            try:
                return self.request(method, path, **kwargs)
            except APIError as exc:
                if exc.status != 429:
                    raise
                time.sleep(wait)
                wait *= 2

    def download(self, url: str) -> bytes:
        # expect: VC106
        resp = self.session.get(url, stream=True)
        resp.raise_for_status()
        return resp.content

    def download_external(self, url: str) -> bytes:
        """Attachments hosted on the customer's own storage (often self-signed)."""
        # expect: VC404
        resp = requests.get(url, verify=False, timeout=self.timeout)
        resp.raise_for_status()
        return resp.content


def _json_or_none(resp: requests.Response) -> Optional[dict]:
    try:
        return resp.json()
    # ok: VC101
    except ValueError:
        return None
