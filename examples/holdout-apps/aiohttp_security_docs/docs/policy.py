"""aiohttp-security policies backed by the users table."""

from aiohttp_security.abc import AbstractAuthorizationPolicy


class DBAuthorizationPolicy(AbstractAuthorizationPolicy):
    def __init__(self, pool):
        self.pool = pool

    async def authorized_userid(self, identity):
        async with self.pool.acquire() as conn:
            row = await conn.fetchrow("SELECT id FROM users WHERE username = $1 AND disabled = false", identity)
        return row["id"] if row else None

    # expect: VC212
    async def permits(self, identity, permission, context=None):
        return identity is not None


class RolePolicy(DBAuthorizationPolicy):
    # ok: VC212
    async def permits(self, identity, permission, context=None):
        if identity is None:
            return False
        async with self.pool.acquire() as conn:
            role = await conn.fetchval("SELECT role FROM users WHERE username = $1", identity)
        return permission in ROLE_PERMISSIONS.get(role, ())


ROLE_PERMISSIONS = {
    "admin": ("read", "write", "admin"),
    "editor": ("read", "write"),
    "viewer": ("read",),
}
