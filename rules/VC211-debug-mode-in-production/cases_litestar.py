"""VC211 corpus, Litestar: `debug=True` given to the app, which then answers failed requests with their traceback."""
import os

import litestar
from litestar import Litestar, get
from litestar import Litestar as App


@get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


# expect: VC211
app = Litestar(route_handlers=[healthz], debug=True)

# expect: VC211
admin_app = litestar.Litestar([healthz], debug=os.getenv("LITESTAR_DEBUG", "1") == "1")

# expect: VC211
aliased_app = App(route_handlers=[healthz], debug=True)

# ok: VC211
quiet_app = Litestar(route_handlers=[healthz], debug=False)

# ok: VC211
env_app = Litestar(route_handlers=[healthz], debug=os.getenv("LITESTAR_DEBUG") == "1")

# ok: VC211
default_app = Litestar(route_handlers=[healthz])
