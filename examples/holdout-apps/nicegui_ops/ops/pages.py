"""NiceGUI pages of the ops dashboard."""
from pathlib import Path

# expect: VC504 -- fastapi comes with nicegui but is not declared
from fastapi import Request
from fastapi.responses import RedirectResponse
from nicegui import app, events, ui
# expect: VC504 -- starlette likewise
from starlette.middleware.base import BaseHTTPMiddleware

from . import actions, llm
from .settings import ADMIN_PASSWORD, LOG_DIR, SERVERS, UPLOAD_DIR

UNRESTRICTED = {"/login"}


class AuthMiddleware(BaseHTTPMiddleware):
    """Sends visitors who have not signed in to the login page."""

    async def dispatch(self, request: Request, call_next):
        # expect: VC216 -- a visitor with no storage entry counts as signed in
        if not app.storage.user.get("authenticated", True):
            if not request.url.path.startswith("/_nicegui") and request.url.path not in UNRESTRICTED:
                return RedirectResponse(f"/login?redirect_to={request.url.path}")
        return await call_next(request)


app.add_middleware(AuthMiddleware)


@ui.page("/login")
def login(redirect_to: str = "/"):
    def try_login() -> None:
        # expect: VC204/VC410 -- plain comparison with a stored password
        if password.value == ADMIN_PASSWORD:
            app.storage.user.update({"username": username.value, "authenticated": True})
            # expect: VC409 -- redirect target from the query string
            ui.navigate.to(redirect_to)
        else:
            ui.notify("Wrong username or password", color="negative")

    username = ui.input("Username")
    password = ui.input("Password", password=True, password_toggle_button=True).on("keydown.enter", try_login)
    ui.button("Log in", on_click=try_login)


@ui.page("/")
def dashboard():
    ui.label(f"Hello {app.storage.user.get('username', '')}")
    for name in SERVERS:
        ui.link(name, f"/servers/{name}")
    ui.link("Assistant", "/assistant")


@ui.page("/servers/{name}")
def server_page(name: str):
    ui.label(name).classes("text-h4")
    # ok: VC421/VC408 -- fixed action table
    ui.button("Restart", on_click=lambda: ui.notify(actions.run_runbook("restart")))
    ui.button("Scale", on_click=lambda: ui.notify(actions.run_runbook("scale")))


@ui.page("/logs/{name}")
def logs_page(name: str):
    # expect: VC405 -- the page path names any file
    content = (LOG_DIR / name).read_text()
    ui.code(content).classes("w-full")


@ui.page("/logs/checked/{name}")
def logs_page_checked(name: str):
    path = (LOG_DIR / name).resolve()
    if not path.is_relative_to(LOG_DIR.resolve()):
        ui.label("not allowed")
        return
    # ok: VC405 -- kept under the log folder
    ui.code(path.read_text()).classes("w-full")


@ui.page("/search")
def search_page(q: str = ""):
    # expect: VC411 -- query string into raw HTML
    ui.html(f"<h3>Results for <em>{q}</em></h3>")
    # ok: VC411 -- a label escapes its text
    ui.label(f"Results for {q}")


@ui.page("/assistant")
def assistant():
    problem = ui.textarea("Describe the problem")
    output = ui.code("").classes("w-full")

    def ask() -> None:
        command = llm.suggest_command(problem.value)
        output.content = actions.run_shell(command)

    def ask_runbook() -> None:
        action = llm.classify_incident(problem.value)
        # ok: VC401/VC417 -- the answer only picks an entry of the runbook
        output.content = actions.run_runbook(action)

    def ask_remote() -> None:
        command = llm.suggest_command(problem.value)
        output.content = actions.ssh_exec("web-1", command)

    ui.button("Fix it", on_click=ask)
    ui.button("Runbook", on_click=ask_runbook)
    ui.button("Fix on web-1", on_click=ask_remote)


def handle_upload(e: events.UploadEventArguments) -> None:
    target = UPLOAD_DIR / e.name
    # expect: VC405/VC409 -- the client's file name is the path
    target.write_bytes(e.content.read())
    ui.notify(f"saved {e.name}")


@ui.page("/upload")
def upload_page():
    ui.upload(on_upload=handle_upload, auto_upload=True)
