"""CherryPy's app-wide tool config: a guard tool (`auth_basic`, `auth_digest`, a project's refusing tool) turned on at
an app's root in any config dict (`quickstart(Root(), "/", CONFIG)`, `tree.mount`, `config.update`) guards every
exposed method, also when the config lives in another module; a tool that checks nobody, or a guard on a sub-path
only, does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.cli_findings import reported_lines, write_dedented

HANDLERS = """
    import sqlite3

    import cherrypy

    class Notes:
        @cherrypy.expose
        def delete(self, note_id):
            conn = sqlite3.connect("notes.db")
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            conn.commit()
            return "ok"
"""
SAME_MODULE = HANDLERS + """
    def check_password(realm, username, password):
        return False

    CONFIG = {{
        "/": {{"tools.auth_basic.on": True, "tools.auth_basic.realm": "notes",
               "tools.auth_basic.checkpassword": check_password}},
        "/static": {{"tools.staticdir.on": True, "tools.staticdir.dir": "static"}},
    }}

    if __name__ == "__main__":
        cherrypy.quickstart(Notes(), "/", {config})
"""


@pytest.mark.parametrize("config", ["CONFIG", "{'/': {'tools.auth_digest.on': True}}"])
def test_a_guard_tool_at_the_root_of_the_same_module_guards_the_app(tmp_path: Path, config: str) -> None:
    write_dedented(tmp_path, {"notes/__init__.py": "", "notes/server.py": SAME_MODULE.format(config=config)})
    assert reported_lines(tmp_path, [tmp_path], "VC201") == []


MOUNTS = {
    "tree.mount": """
        import cherrypy

        from notes.handlers import Notes

        def main():
            conf = {"/": {"tools.require_login.on": True}, "/public": {"tools.staticdir.on": True}}
            cherrypy.tree.mount(Notes(), "/", conf)
            cherrypy.engine.start()
    """,
    "config.update": """
        from cherrypy import config, quickstart

        from notes.handlers import Notes

        config.update({"tools.auth_basic.on": True, "tools.auth_basic.realm": "notes"})
        quickstart(Notes())
    """,
    "named dicts": """
        import cherrypy

        from notes.handlers import Notes

        AUTH = {"tools.auth_basic.on": True, "tools.auth_basic.realm": "notes"}
        SETTINGS = {"global": {"server.socket_port": 8080}, "/": AUTH}

        cherrypy.quickstart(Notes(), "/", SETTINGS)
    """,
    "global section": """
        import cherrypy

        from notes.handlers import Notes

        cherrypy.config.update({"global": {"tools.auth_digest.on": True}})
        cherrypy.quickstart(Notes())
    """,
}


@pytest.mark.parametrize("name", sorted(MOUNTS))
def test_a_guard_tool_in_another_modules_config_guards_the_app(tmp_path: Path, name: str) -> None:
    write_dedented(tmp_path, {"notes/__init__.py": "", "notes/handlers.py": HANDLERS, "notes/main.py": MOUNTS[name]})
    assert reported_lines(tmp_path, [tmp_path], "VC201") == []


UNGUARDED = {
    "no guard tool": '{"/": {"tools.sessions.on": True, "tools.encode.on": True}}',
    "a guard on a sub-path": '{"/static": {"tools.auth_basic.on": True}}',
    "a guard turned off": '{"/": {"tools.auth_basic.on": False}}',
}


@pytest.mark.parametrize("name", sorted(UNGUARDED))
def test_a_config_that_guards_no_root_leaves_the_app_open(tmp_path: Path, name: str) -> None:
    main = f"""
        import cherrypy

        from notes.handlers import Notes

        cherrypy.quickstart(Notes(), "/", {UNGUARDED[name]})
    """
    write_dedented(tmp_path, {"notes/__init__.py": "", "notes/handlers.py": HANDLERS, "notes/main.py": main})
    assert reported_lines(tmp_path, [tmp_path], "VC201") == ["@cherrypy.expose"]
