"""A per-client login limiter. The address is the connection's: behind the proxy, uvicorn's
`--forwarded-allow-ips` (set to the proxy's address only) makes `request.client` the real client."""

import time
from collections import defaultdict, deque
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

WINDOW_SECONDS = 300
MAX_ATTEMPTS = 10
_attempts: dict[str, deque[float]] = defaultdict(deque)


def login_rate_limit(request: Request) -> None:
    # ok: VC419
    client = request.client.host if request.client else "unknown"
    now = time.monotonic()
    recent = _attempts[client]
    while recent and now - recent[0] > WINDOW_SECONDS:
        recent.popleft()
    if len(recent) >= MAX_ATTEMPTS:
        raise HTTPException(status_code=status.HTTP_429_TOO_MANY_REQUESTS, detail="Too many attempts")
    recent.append(now)


RateLimited = Annotated[None, Depends(login_rate_limit)]
