"""VC211: a web app's debug mode (interactive debugger, tracebacks to clients) switched on in code that ships."""

from __future__ import annotations

from functools import lru_cache

import libcst as cst

from vibecheck.analysis.import_edits import reference
from vibecheck.analysis.tornado_settings import application_settings
from vibecheck.analysis.unpacked_options import dict_entries, module_bindings, rewritten, unpacked_option
from vibecheck.cst_fields import child_nodes
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import NodeFix, Rule
from vibecheck.rules.auth.exprs import (
    argument,
    assignment_targets,
    is_config_object,
    is_main_guard,
    is_true,
    string_value,
    subscript_key,
    target_name,
    value_name,
)
from vibecheck.rules.auth.names import is_dev_name, is_dev_path, is_settings_path, words

# Keyword arguments that turn a debugger or debug pages on.
DEBUG_KEYWORDS = frozenset({"debug", "use_debugger", "use_evalex"})
# Methods that start a server: `app.run(debug=True)`, `socketio.run(app, debug=True)`, Dash `run_server`.
RUN_METHODS = frozenset({"run", "run_server"})
# Functions that start a server, also called by their bare name (`from bottle import run`): qualified name -> what their
# debug mode shows a client.
SERVER_FUNCTIONS = {"bottle.run": "sends tracebacks to every client whose request fails"}
# `.run` calls that are not web servers.
NOT_SERVERS = ("asyncio.", "trio.", "anyio.", "subprocess.", "uvloop.", "unittest.", "pytest.", "doctest.")
# App constructors whose `debug=True` sends tracebacks to clients (Ariadne's GraphQL apps: in each error's
# `extensions.exception`).
APP_CONSTRUCTORS = frozenset({
    "fastapi.FastAPI", "starlette.applications.Starlette", "starlette.Starlette", "litestar.Litestar", "litestar.app.Litestar",
    "ariadne.asgi.GraphQL", "ariadne.wsgi.GraphQL",
})
# Methods that write settings: `app.config.update(DEBUG=True)`, `settings.configure(DEBUG=True)`.
CONFIG_WRITERS = frozenset({"update", "from_mapping", "configure", "setdefault"})
RELOADING_SERVERS = frozenset({"uvicorn.run"})
# Tornado's application settings that send tracebacks to clients (`debug` also reloads code on every change).
TORNADO_DEBUG_SETTINGS = frozenset({"debug", "serve_traceback"})
# WSGI servers without a debugger: an app they serve shows a plain 500 page whatever its `debug` flag says (the flag
# then only propagates exceptions to the server's log and reloads templates).
PLAIN_WSGI_SERVERS = frozenset({"gevent.pywsgi.WSGIServer", "waitress.serve", "waitress.create_server",
                                "cheroot.wsgi.Server", "cheroot.wsgi.WSGIServer", "bjoern.run", "meinheld.server.run"})
# Module-level names that make a module a Django settings module whatever its file name.
DJANGO_SETTINGS = frozenset({"INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "ALLOWED_HOSTS", "DATABASES",
                             "WSGI_APPLICATION", "ASGI_APPLICATION"})
# CherryPy's config key that sends a failing request's traceback to its client (in a dict given to `quickstart`,
# `tree.mount`, `config.update` or a `_cp_config`).
CHERRYPY_TRACEBACKS = "request.show_tracebacks"
CHERRYPY_MODULES = ("cherrypy",)
ENV_READERS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})
TRUTHY_STRINGS = frozenset({"true", "1", "yes", "on", "t", "y"})
HINT = "Turn debug mode off in code and enable it only from the environment of a development machine."


def _truthy_default(node: cst.CSTNode) -> bool:
    """A literal `True`, `"True"`, `"1"`, ...: what a debug environment variable falls back to."""
    value = string_value(node)
    return is_true(node) or (value is not None and value.lower() in TRUTHY_STRINGS)


def _tests_debug_flag(test: cst.BaseExpression) -> bool:
    """`if debug:`, `if args.debug:`, `if os.getenv("APP_DEBUG"):`, `if settings.DEBUG and local:`: debug switched on
    under such an `if` only follows a flag someone set for a run (a command-line option, the environment). A
    negated test (`if not debug:`) is no such flag."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return False
    pending: list[cst.CSTNode] = [test]
    while pending:
        node = pending.pop()
        if type(node) is cst.UnaryOperation and type(node.operator) is cst.Not:
            continue
        text = node.value if type(node) is cst.Name else node.attr.value if type(node) is cst.Attribute \
            else string_value(node)
        if text is not None and _names_a_flag(text):
            return True
        pending.extend(child_nodes(node))
    return False


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)
def _names_a_flag(text: str) -> bool:
    """A name or text that says debug or development (`args.debug`, `"APP_DEBUG"`, `local`); once per text, since every
    `if` asks it of each name in its test (`self`, `request`, `settings` again and again)."""
    return "debug" in words(text) or is_dev_name(text)


def _compared_default(default: cst.CSTNode, methods: list[str], comparison: cst.ComparisonTarget) -> bool | None:
    """Whether `default` (after the text `methods`, innermost first) passes `comparison` with literal text (`== "1"`,
    `in ("1", "true")`); None when either side is not literal text or the operator is another."""
    text = string_value(default)
    if text is None:
        return None
    for method in reversed(methods):
        text = getattr(str, method)(text)
    operator, target = comparison.operator, comparison.comparator
    if isinstance(operator, (cst.Equal, cst.NotEqual)):
        expected = string_value(target)
        if expected is None:
            return None
        return (text == expected) == isinstance(operator, cst.Equal)
    if isinstance(operator, (cst.In, cst.NotIn)) and isinstance(target, (cst.Tuple, cst.List, cst.Set)):
        options = [string_value(element.value) for element in target.elements]
        if any(option is None for option in options):
            return None
        return (text in options) == isinstance(operator, cst.In)
    return None


class DebugModeInProduction(Rule):
    """Debug mode is switched on in code that runs in production.

    ## What it does
    Reports:
    - `app.run(debug=True)` (also `use_debugger=True`, `socketio.run(app, debug=True)`, Dash
      `run_server(debug=True)`, `uvicorn.run(..., debug=True)`), also under `if __name__ == "__main__":`,
      because `python app.py` is how such apps are started on servers, and also when the flag is read from an
      environment variable that defaults to on (`debug=os.getenv("FLASK_DEBUG", "1") == "1"`), and when the switch
      is an entry of a module-level dict the call unpacks (`options = {"debug": True}`, `app.run(**options)`);
    - Bottle's `run(app, debug=True)`, also imported by name;
    - `FastAPI(debug=True)`, `Starlette(debug=True)`, `Litestar(debug=True)` and Ariadne's `GraphQL(schema, debug=True)`;
    - Tornado's `Application(handlers, debug=True)` (also `serve_traceback=True`), also as an entry of the settings
      dict it unpacks (`settings = dict(debug=True, ...)`, `Application(handlers, **settings)`), or of a module-level
      dict with a key only Tornado reads (`cookie_secret`, `xsrf_cookies`) that another module unpacks;
    - Flask's `app.debug = True`, `app.config["DEBUG"] = True`, `app.config.update(DEBUG=True)`,
      `from_mapping(DEBUG=True)`, also a module-level settings dict such a writer takes whole
      (`app.config.from_mapping(SETTINGS)`), Django's `settings.configure(DEBUG=True)` (not the first two in a module that
      serves its app with a WSGI server that has no debugger, gevent's `WSGIServer` or waitress, and never
      starts Flask's own: there the flag shows no debugger and no traceback to anyone);
    - CherryPy's `"request.show_tracebacks": True` in a config dict;
    - `DEBUG = True` at module level of a settings module: a file named like `settings.py`,
      `config.py`, `production.py`, a file in a `settings/` or `config/` folder, or any module that also
      sets Django settings such as `INSTALLED_APPS` or `ALLOWED_HOSTS`;
    - `DEBUG = True` (or a `debug: bool = True` field) in a config or settings class, e.g. a Flask
      `Config` class or a pydantic `Settings` class;
    - `DEBUG = os.getenv("DEBUG", "True")` and similar: debug is on wherever the variable is unset;
    - `uvicorn.run(..., reload=True)` outside the `if __name__ == "__main__":` block (a server entry point
      that auto-reloads from disk is a development server).

    Development places are not reported: test files, files and folders named like `dev`, `local`,
    `development`, `testing`, `ci` or `demo` (`settings/dev.py`, `local_settings.py`, `ci_settings.py`,
    `demo/demo_project/settings.py`), and classes such as
    `DevelopmentConfig` or `TestingConfig`; nor is debug switched on under an `if` that tests a debug or
    development flag (`if args.debug:`, `if os.getenv("APP_DEBUG"):`, a CLI's `--debug` option), where it
    follows that flag.

    ## Why is this bad?
    Flask's and Werkzeug's debugger runs any Python code typed into the error page: with debug on, one
    exception gives an attacker a shell. Django and Starlette debug pages show settings, source and stack
    frames to every visitor. Agents leave `debug=True` in because it made the first run easier.

    ## Example
    ```python
    from flask import Flask

    app = Flask(__name__)

    if __name__ == "__main__":
        app.run(host="0.0.0.0", debug=True)
    ```

    ## Use instead
    ```python
    import os

    from flask import Flask

    app = Flask(__name__)

    if __name__ == "__main__":
        app.run(host="0.0.0.0", debug=os.environ.get("FLASK_DEBUG") == "1")
    ```

    ## Fix safety
    The fix replaces the literal `True` with `os.environ.get("FLASK_DEBUG") == "1"` in a Flask app's run
    call, attribute or config (the variable Flask's own CLI reads) and `os.environ.get("DEBUG") == "1"`
    elsewhere (FastAPI, Starlette, settings modules), adding `import os` when
    needed. It is unsafe: debug mode is now off unless the variable is set to `1`, so a developer who relied
    on it must export the variable. A debug flag defaulted from the environment (`os.getenv("DEBUG",
    "True")`), `reload=True`, and files where `os` names something else are not fixed.

    ## References
    - [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
    - [CWE-215: Insertion of Sensitive Information Into Debugging Code](https://cwe.mitre.org/data/definitions/215.html)
    - [Flask: debug mode](https://flask.palletsprojects.com/en/stable/quickstart/#debug-mode)
    - [Django deployment checklist: `DEBUG`](https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#debug)
    """

    code = "VC211"
    name = "debug-mode-in-production"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (489, 215)
    applies_to_tests = False  # a test's settings configure the test run, not a deployment
    # Every finding names `debug` (`debug=`, `use_debugger=`, `DEBUG`), `use_evalex=` or uvicorn's `reload=`.
    file_hints = ("debug", "evalex", "reload", "show_tracebacks")
    fixable = True
    supersedes = ("B201",)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._skip_file = is_dev_path(self.context.path)
        self._depth = 0  # enclosing functions and classes
        self._classes: list[str] = []
        self._main_guards = 0
        self._module_debug: list[tuple[cst.Assign | cst.AnnAssign, bool]] = []  # (assignment, on only by an environment default)
        self._django_settings = False
        self._app_debug: list[tuple[cst.Assign | cst.AnnAssign, str, cst.BaseExpression]] = []  # (assignment, message, value)
        self._plain_server = False  # the module hands an app to a WSGI server that has no debugger
        self._dev_server = False  # ... or starts Flask's own server, whose debugger `app.debug` switches on
        self._flag_ifs = 0  # enclosing `if`s that test a debug flag (`if args.debug:`): debug follows that flag there
        self._ifs: list[tuple[bool, bool]] = []  # per enclosing `if`: (a main guard, tests a debug flag)
        self._module_bindings: dict[str, cst.BaseExpression] | None = None  # made on the first call that unpacks a dict

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._depth += 1

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._depth -= 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._depth += 1
        self._classes.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._depth -= 1
        self._classes.pop()

    def visit_If(self, node: cst.If) -> None:
        entered = (is_main_guard(node), _tests_debug_flag(node.test))
        self._ifs.append(entered)
        self._main_guards += entered[0]
        self._flag_ifs += entered[1]

    def leave_If(self, node: cst.If) -> None:
        main_guard, flag = self._ifs.pop()
        self._main_guards -= main_guard
        self._flag_ifs -= flag

    def visit_Call(self, node: cst.Call) -> None:
        if self._skip_file or self._flag_ifs:
            return
        func = node.func
        qualified = self.qualified_name(node) or ""
        self._plain_server |= qualified in PLAIN_WSGI_SERVERS
        self._dev_server |= (type(func) is cst.Attribute and func.attr.value in RUN_METHODS
                             and qualified not in PLAIN_WSGI_SERVERS and not qualified.startswith(NOT_SERVERS))
        if qualified in RELOADING_SERVERS and is_true(argument(node, None, "reload")) and not self._main_guards:
            self.report(node, f"`{qualified}(..., reload=True)` runs the auto-reloading development server outside "
                        'the `if __name__ == "__main__":` block.', hint="Drop `reload=True` from the server entry point "
                        "and pass `--reload` on the command line during development.", severity=Severity.LOW)
        if (type(func) is cst.Attribute and func.attr.value in CONFIG_WRITERS and is_config_object(func.value)
                and not self._in_dev_class()):
            self._check_config_keywords(node)
        switch = self._debug_switch(node)
        if switch is None:
            return
        debug_keyword, value, written = switch
        # `debug=os.getenv("FLASK_DEBUG", "1") == "1"` is on wherever nobody thought to set the variable
        setting, when = ("True", "") if is_true(value) else ("...", " unless an environment variable turns it off")
        if not written:  # `run(**options)`, whose dict holds the switch
            when = f" (the dict it unpacks sets `{debug_keyword}`){when}"
        spelled = f"{debug_keyword}={setting}" if written else "**..."
        if qualified in SERVER_FUNCTIONS:
            self.report(node, f"`{qualified}({spelled})` starts the server in debug mode{when}, which "
                        f"{SERVER_FUNCTIONS[qualified]}.", hint=HINT,
                        fix=self._fix(value, flask_setting=False) if written else None)
        elif isinstance(func, cst.Attribute) and func.attr.value in RUN_METHODS and not qualified.startswith(NOT_SERVERS):
            receiver = self.context.module.code_for_node(func)
            self.report(node, f"`{receiver}({spelled})` starts the server in debug mode{when}; its "
                        "interactive debugger lets anyone who reaches it run code.", hint=HINT,
                        fix=self._fix(value) if written else None)
        elif qualified in APP_CONSTRUCTORS:
            self.report(node, f"`{qualified.rsplit('.', 1)[-1]}({spelled})` sends tracebacks and source to every "
                        f"client whose request fails{when}.", hint=HINT,
                        fix=self._fix(value, flask_setting=False) if written else None)

    def _debug_switch(self, node: cst.Call) -> tuple[str, cst.BaseExpression, bool] | None:
        """(keyword, value, written in the call) of a debug keyword that is on: `debug=True`, or an entry of a dict the
        call unpacks (`options = {"debug": True}`, `app.run(**options)`)."""
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value in DEBUG_KEYWORDS and self._switched_on(arg.value):
                return arg.keyword.value, arg.value, True
        if not any(arg.star == "**" for arg in node.args):
            return None
        for word in DEBUG_KEYWORDS:
            value = unpacked_option(node, word, self._module_value)
            if value is not None and self._switched_on(value):
                return word, value, False
        return None

    def _module_value(self, name: cst.BaseExpression) -> cst.BaseExpression | None:
        """The value a name is bound to once at module level (the dict `**name` unpacks), unless the module rewrites
        the dict (`SETTINGS["DEBUG"] = env_flag`)."""
        if type(name) is not cst.Name:
            return None
        if self._module_bindings is None:
            self._module_bindings = module_bindings(self.context.module)
        value = self._module_bindings.get(name.value)  # (first: most unpacked names, `**kwargs`, are bound elsewhere,
        # and `rewritten` searches the whole module's text)
        return None if value is None or rewritten(name.value, self.context.source) else value

    def _switched_on(self, value: cst.BaseExpression) -> bool:
        """`True`, or an environment lookup that falls back to on."""
        return is_true(value) or self._env_default_true(value)

    def _check_config_keywords(self, node: cst.Call) -> None:
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value == "DEBUG" and self._switched_on(arg.value):
                self._report_config(arg, arg.value, fix=self._fix(arg.value))
            elif arg.keyword is None:  # `from_mapping(CONFIG)`, `update(**CONFIG)`: a settings dict given whole
                held = self._module_value(arg.value) if type(arg.value) is cst.Name else arg.value
                value = next((entry for key, entry in dict_entries(held) if key == "DEBUG"), None) if held else None
                if value is not None and self._switched_on(value):
                    self._report_config(arg, value, fix=None)

    def _report_config(self, node: cst.CSTNode, value: cst.BaseExpression, fix: NodeFix | None) -> None:
        on = "in every deployment" if is_true(value) else "wherever its environment variable is unset"
        self.report(node, f"`DEBUG` is switched on in the app's settings, so debug pages and the debugger are on {on}.",
                    hint=HINT, fix=fix)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._check_assignment(node, node.value)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        if self._skip_file or self._flag_ifs or self._in_dev_class() or string_value(node.key) != CHERRYPY_TRACEBACKS \
                or not is_true(node.value) or not self.context.imports.imports_any(CHERRYPY_MODULES):
            return
        self.report(node, "`request.show_tracebacks` is on, so CherryPy sends the traceback of every failing request to "
                    "its client.", hint='Set `"request.show_tracebacks": False` (or `"environment": "production"`).')

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._check_assignment(node, node.value)

    def _check_assignment(self, node: cst.Assign | cst.AnnAssign, value: cst.BaseExpression) -> None:
        for target in assignment_targets(node):
            name = target_name(target)
            if self._depth == 0 and isinstance(target, cst.Name) and name in DJANGO_SETTINGS:
                self._django_settings = True
            if self._skip_file or self._flag_ifs or name is None or name.upper() != "DEBUG":
                continue
            defaulted = self._env_default_true(value)
            if not is_true(value) and not defaulted:
                continue
            if isinstance(target, cst.Name) and self._depth == 0:
                self._module_debug.append((node, defaulted))
            elif isinstance(target, cst.Name) and self._classes and len(self._classes) == self._depth:
                if self._is_config_class(self._classes[-1]):
                    self.report(node, f"`{name}` defaults to on in `{self._classes[-1]}`, so every deployment that uses "
                                "this config runs in debug mode.", hint=HINT, fix=self._fix(value))
            elif isinstance(target, cst.Attribute) and name == "debug" and self._is_app(target.value):
                self._app_debug.append((node, "`app.debug = True` turns on debug mode, whose interactive debugger lets "
                                        "anyone who reaches the server run code.", value))
            elif isinstance(target, cst.Subscript) and subscript_key(target) == "DEBUG" and is_config_object(target.value):
                self._app_debug.append((node, '`app.config["DEBUG"] = True` turns on debug mode in every deployment.',
                                        value))

    def leave_Module(self, node: cst.Module) -> None:
        if not self._skip_file:
            self._check_tornado_settings(node)
        if not self._plain_server or self._dev_server:
            for assignment, message, switch in self._app_debug:
                self.report(assignment, message, hint=HINT, fix=self._fix(switch))
        if self._module_debug and (self._django_settings or is_settings_path(self.context.path)):
            for assignment, defaulted in self._module_debug:
                how = "defaults to on when its environment variable is unset" if defaulted else "is on"
                value = assignment.value
                self.report(assignment, f"`DEBUG` {how} in a settings module, so debug pages show source, settings and "
                            "tracebacks to every visitor.", hint="Read `DEBUG` from the environment with a default of "
                            '`False`, e.g. `DEBUG = os.environ.get("DEBUG") == "1"`.',
                            fix=self._fix(value, flask_setting=False) if value is not None and not defaulted else None)

    def _fix(self, value: cst.BaseExpression, *, flask_setting: bool = True) -> NodeFix | None:
        """`True` -> `os.environ.get("FLASK_DEBUG") == "1"` for a Flask setting (else `DEBUG`), adding `import os`."""
        if not is_true(value):
            return None
        environ = reference(self.context, "os", "environ")
        if environ is None:
            return None
        flask = flask_setting and any(name.split(".")[0] == "flask" for name in self.context.imports.imported_names())
        variable = "FLASK_DEBUG" if flask else "DEBUG"
        return NodeFix(f"Read it from `{variable}`", ((value, f'{environ.spelling}.get("{variable}") == "1"'),
                                                       *environ.replacements), safe=False)

    def _env_default_true(self, value: cst.BaseExpression) -> bool:
        """`os.getenv("DEBUG", "True")`, also inside a comparison or `bool(...)`/`.lower()` wrapper. Compared with
        literal text, the comparison decides: `os.getenv("QUIET", "1") == "0"` is off by default."""
        comparison = value.comparisons[0] if isinstance(value, cst.Comparison) and len(value.comparisons) == 1 else None
        if isinstance(value, cst.Comparison):
            value = value.left
        methods: list[str] = []  # the text methods applied to the value, outermost first
        while isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value in (
                "lower", "upper", "strip", "casefold"):
            methods.append(value.func.attr.value)
            value = value.func.value
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "bool" and value.args:
            value = value.args[0].value
        if not isinstance(value, cst.Call) or self.qualified_name(value) not in ENV_READERS:
            return False
        default = argument(value, 1, "default")
        if default is None:
            return False
        held = _compared_default(default, methods, comparison) if comparison is not None else None
        return _truthy_default(default) if held is None else held

    def _in_dev_class(self) -> bool:
        return any(is_dev_name(c) for c in self._classes)

    @staticmethod
    def _is_config_class(name: str) -> bool:
        parts = set(words(name))
        return bool(parts & {"config", "settings", "configuration", "conf"}) and not is_dev_name(name)

    @staticmethod
    def _is_app(node: cst.BaseExpression) -> bool:
        name = value_name(node)
        return name is not None and any(w in ("app", "application") for w in words(name))

    def _check_tornado_settings(self, module: cst.Module) -> None:
        """`Application(handlers, debug=True)`, or `debug=True` in the dict it unpacks (`**settings`)."""
        for name, value in application_settings(module, self.context.imports, self.context.source):
            if name in TORNADO_DEBUG_SETTINGS and self._switched_on(value):
                self.report(value, f"Tornado's `{name}` setting is on, so every failing request sends its traceback "
                            "to the client.", hint=HINT)
