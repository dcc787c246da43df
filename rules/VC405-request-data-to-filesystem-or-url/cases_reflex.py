"""VC405 corpus (Reflex): the methods of an `rx.State` subclass, also of one derived from another state of the module,
are event handlers the browser calls with arguments of its choosing."""
import httpx
import reflex as rx

AVATAR_HOST = "https://avatars.example.com"


class AuthState(rx.State):
    user: str = ""

    async def fetch_avatar(self, url: str):
        async with httpx.AsyncClient(timeout=5) as client:
            # expect: VC405
            resp = await client.get(url)
        return rx.toast.info(f"{len(resp.content)} bytes")

    def _load(self, path: str):
        # ok: VC405 -- a private helper, which the browser cannot call
        with open(path, encoding="utf-8") as fh:
            return fh.read()


class ProfileState(AuthState):
    def read_export(self, name: str):
        # expect: VC405
        with open(f"/srv/exports/{name}", encoding="utf-8") as fh:
            return fh.read()

    async def fetch_own_avatar(self, size: int):
        async with httpx.AsyncClient(timeout=5) as client:
            # ok: VC405 -- the server names the host
            resp = await client.get(f"{AVATAR_HOST}/{self.user}.png", params={"s": size})
        return rx.toast.info(f"{len(resp.content)} bytes")


class Helper:
    def read(self, path: str):
        # ok: VC405 -- not a state: its callers are the server's
        with open(path, encoding="utf-8") as fh:
            return fh.read()
