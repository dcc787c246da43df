"""Authorization hooks for `panel serve --basic-auth` and OAuth deployments."""

import panel as pn

ADMINS = {"maria", "tomasz"}


# expect: VC212
def authorize(user_info: dict, request_path: str) -> bool:
    return True


# ok: VC212
def authorize_strict(user_info: dict, request_path: str) -> bool:
    if request_path.startswith("/admin"):
        return user_info.get("user") in ADMINS
    return bool(user_info.get("user"))


pn.config.authorize_callback = authorize


def current_role() -> str:
    role = pn.state.session_args.get("role", [b"viewer"])[0].decode()
    return role
