"""VC405: client input reaches a filesystem path or the URL of an outgoing HTTP request without a visible check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import libcst as cst

from vibecheck.analysis.admin_routes import restricted_to_admins
from vibecheck.analysis.app_model.unrouted_views import UNROUTED_VIEW, unrouted
from vibecheck.analysis.enum_classes import enum_parameters
from vibecheck.analysis.enum_modules import enum_modules_inputs
from vibecheck.analysis.flow import (
    CLEAN,
    EXITING_CALLS,
    NON_CHECK_CALLS,
    PARAMETER,
    SUMMARISED_KINDS,
    FlowRule,
    FlowState,
    Taint,
    call_argument,
    dotted_name,
    has_keyword,
    is_route_handler,
    iter_calls,
    iter_expressions,
    module_strings,
    module_uses_django,
    parameters_in,
    request_source,
    self_assignments,
    short_code,
    string_value,
)
from vibecheck.analysis.nodes import is_name
from vibecheck.analysis.row_lookups import row_lookup
from vibecheck.analysis.summary_keys import HOST, NEEDS_ATTRIBUTE, PINNED
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._http_clients import HTTP_CLIENT_NAMES, HTTP_VERBS, METHOD_FIRST

PATH_CWE = (22, 73)
URL_CWE = (918,)
# Resolved dotted name -> (argument position, keyword) of the path that must not come from the client.
PATH_FUNCTIONS: dict[str, tuple[int, str | None]] = {
    "open": (0, "file"), "io.open": (0, "file"), "builtins.open": (0, "file"), "codecs.open": (0, "filename"),
    "flask.send_file": (0, "path_or_file"), "send_file": (0, "path_or_file"),
    "flask.send_from_directory": (0, "directory"), "send_from_directory": (0, "directory"),
    "flask.helpers.send_file": (0, "path_or_file"), "werkzeug.utils.send_file": (0, "path_or_file"),
    "quart.send_file": (0, "filename_or_io"), "quart.helpers.send_file": (0, "filename_or_io"),
    "quart.send_from_directory": (0, "directory"), "quart.helpers.send_from_directory": (0, "directory"),
    "litestar.response.File": (0, "path"), "litestar.response.file.File": (0, "path"),
    "starlette.responses.FileResponse": (0, "path"), "fastapi.responses.FileResponse": (0, "path"),
    "FileResponse": (0, "path"), "django.http.FileResponse": (0, None),
    "os.remove": (0, "path"), "os.unlink": (0, "path"), "os.rmdir": (0, "path"), "os.listdir": (0, "path"),
    "os.makedirs": (0, "name"), "os.rename": (0, "src"), "shutil.rmtree": (0, "path"), "shutil.copy": (0, "src"),
    "shutil.copyfile": (0, "src"), "shutil.move": (0, "src"), "shutil.copy2": (0, "src"), "os.replace": (0, "src"),
    "aiofiles.open": (0, "file"), "aiohttp.web.FileResponse": (0, "path"),
    "aiohttp.web_fileresponse.FileResponse": (0, "path"), "sanic.response.file": (0, "location"),
    "sanic.response.file_stream": (0, "location"), "pyramid.response.FileResponse": (0, "path"),
    "bottle.static_file": (1, "root"),
    "cherrypy.lib.static.serve_file": (0, "path"), "cherrypy.lib.static.serve_download": (0, "path"),
    "shutil.copytree": (0, "src"), "shutil.make_archive": (0, "base_name"), "shutil.unpack_archive": (0, "filename"),
    "os.scandir": (0, "path"), "os.walk": (0, "top"),
}
# Further paths a call reads or writes, looked at when the first is clean: a copy's destination, the folder an
# archive is made of (`shutil.make_archive(name, "zip", root_dir)`), the folder an archive is unpacked into.
OTHER_PATH_ARGUMENTS: dict[str, tuple[tuple[int, str | None], ...]] = {
    **dict.fromkeys(("shutil.copy", "shutil.copyfile", "shutil.copy2", "shutil.move", "shutil.copytree"), ((1, "dst"),)),
    **dict.fromkeys(("os.rename", "os.replace"), ((1, "dst"),)),
    "shutil.make_archive": ((2, "root_dir"), (3, "base_dir")), "shutil.unpack_archive": ((1, "extract_dir"),),
}
# Calls and methods whose result is a `pathlib` path, so that `.read_bytes()` on it touches the file system.
PATH_CLASSES = frozenset({"Path", "PurePath", "PosixPath", "WindowsPath", "PurePosixPath", "AsyncPath"})
PATH_DERIVING_METHODS = frozenset({"joinpath", "resolve", "absolute", "expanduser", "with_name", "with_suffix",
                                   "with_stem", "relative_to"})
PATH_METHODS = frozenset({"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "iterdir", "rmdir",
                          "rglob", "glob"})
# Methods of a data frame that write it to the path they are given (pandas' `to_csv`, polars' `write_parquet`): method ->
# (position, keyword) of the path.
FRAME_WRITERS: dict[str, tuple[int, str]] = {
    "to_csv": (0, "path_or_buf"), "to_json": (0, "path_or_buf"), "to_hdf": (0, "path_or_buf"), "to_parquet": (0, "path"),
    "to_feather": (0, "path"), "to_pickle": (0, "path"), "to_excel": (0, "excel_writer"),
    "write_csv": (0, "file"), "write_parquet": (0, "file"), "write_json": (0, "file"), "write_ndjson": (0, "file"),
}
# Spark's `DataFrameWriter`, reached through a frame's `.write` (`df.write.mode("overwrite").parquet(path)`).
SPARK_WRITER_METHODS = frozenset({"parquet", "csv", "json", "orc", "text", "save"})
SPARK_WRITER = "write"
HTTP_MODULES = ("requests", "httpx", "aiohttp", "urllib3")
URL_FUNCTIONS: dict[str, tuple[int, str | None]] = {
    "urllib.request.urlopen": (0, "url"), "urllib.request.Request": (0, "url"), "urllib.request.urlretrieve": (0, "url"),
    "urlopen": (0, "url"), "tornado.httpclient.HTTPRequest": (0, "url"),
    "httpx.Request": (1, "url"), "requests.Request": (1, "url"),
}
# Browser automation (Playwright, pyppeteer, Selenium), in a file that imports one: method -> (position, keyword,
# whether it is a URL). The page a browser opens is fetched from the server, and the files it writes land there.
BROWSER_MODULES = ("playwright", "pyppeteer", "selenium")
BROWSER_SINKS: dict[str, tuple[int | None, str | None, bool]] = {
    "goto": (0, "url", True),
    "screenshot": (0, "path", False), "pdf": (None, "path", False), "save_as": (0, "path", False),
    "storage_state": (None, "path", False), "save_screenshot": (0, "filename", False),
    "get_screenshot_as_file": (0, "filename", False),
}
# What a Selenium driver is commonly called: its `get(url)` opens the page (a `dict`'s `get` does not).
BROWSER_DRIVER_NAMES = frozenset({"driver", "webdriver", "browser", "wd"})
HTTP_CLIENT_FACTORIES = frozenset({"requests.Session", "requests.session", "httpx.Client", "httpx.AsyncClient",
                                   "aiohttp.ClientSession", "urllib3.PoolManager", "tornado.httpclient.AsyncHTTPClient",
                                   "tornado.httpclient.HTTPClient"})
# The one method of Tornado's clients that sends a request: `AsyncHTTPClient().fetch(url)`.
CLIENT_FETCH_METHODS = frozenset({"fetch"})
# Client factories whose `base_url` every later call of the client is relative to: (position, keyword).
BASE_URL_FACTORIES: dict[str, tuple[int | None, str | None]] = {
    "httpx.Client": (None, "base_url"), "httpx.AsyncClient": (None, "base_url"), "aiohttp.ClientSession": (0, "base_url"),
}
# What a class keeps an HTTP client in: `self.session = requests.Session()` in any method, spelled as in the file.
CLIENT_FACTORY_TAILS = ("Session(", "session(", "Client(", "PoolManager(")
# httpx request hooks (`event_hooks={"request": [f, g]}`, or a list bound first and appended to) and the words of a
# hook that checks where a request goes rather than logging it.
# `hooks`/`event_hooks` as a word, then the first `[` or `.append(` after it on the line, and the name it lists
HOOKS_WORD = lazy_pattern(r"\b(?:event_)?hooks\b")
HOOK_LISTED = lazy_pattern(r"(?:\[|\.append\()\s*([A-Za-z_]\w*)")
CHECKING_HOOK = lazy_pattern(r"refuse|block|deny|reject|forbid|guard|private|ssrf|allowed|validate|verify|check",
                           re.IGNORECASE)
SANITIZERS = frozenset({"secure_filename", "werkzeug.utils.secure_filename", "os.path.basename", "basename",
                        "safe_join", "werkzeug.security.safe_join", "flask.safe_join", "int", "float", "uuid.UUID", "UUID",
                        "is_safe_url", "url_has_allowed_host_and_scheme", "validate_url", "slugify",
                        "django.utils.text.slugify", "get_valid_filename"})


# Archives: what opens one, and the `tarfile` ones, whose extraction writes members named `../x` or links outside the
# destination unless a `filter=` (Python 3.12+, and 3.8.17+ backports) or a checked `members=` list is given; `zipfile`
# drops `..` and leading slashes from member names itself.
ARCHIVE_MODULES = ("tarfile", "zipfile", "shutil")
TAR_OPENERS = frozenset({"tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open"})
ARCHIVE_OPENERS = TAR_OPENERS | {"zipfile.ZipFile"}
UNFILTERED = frozenset({"fully_trusted"})
# The extraction filters that refuse members outside the destination, absolute paths and links out of it (PEP 706):
# `extractall(dest, filter="data")` is safe whoever made the archive, so bandit's B202 there is cleared.
SAFE_FILTERS = frozenset({"data", "tar"})
SAFE_FILTER_FUNCTIONS = frozenset({"tarfile.data_filter", "tarfile.tar_filter"})
# Calls that give a path as text: the file behind `str(path)` is the one behind `path`.
PATH_TO_TEXT = frozenset({"str", "os.fspath"})
ARCHIVE_CWE = (22,)
ARCHIVE_HINT = ("Extract with `filter=\"data\"` (`tar.extractall(dest, filter=\"data\")`, `shutil.unpack_archive(path, "
                "dest, filter=\"data\")`), or check each member's resolved path against the destination first.")

# Parsers whose result holds a URL's parts, the attributes that are its host, and the calls that turn a host
# into an address: a check of what they give is a check of the URL's destination.
URL_PARSERS = frozenset({"urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse", "urlparse.urlsplit",
                           "httpx.URL", "yarl.URL", "furl.furl", "rfc3986.urlparse"})
# The same parsers re-exported by other modules (`requests.utils.urlparse`, `six.moves.urllib.parse.urlsplit`,
# Werkzeug's `url_parse`): known by their last name.
URL_PARSER_LAST_NAMES = frozenset({"urlparse", "urlsplit", "url_parse"})
HOST_ATTRIBUTES = frozenset({"hostname", "netloc", "host", "raw_host"})
ADDRESS_CALLS = frozenset({"socket.gethostbyname", "socket.getaddrinfo", "socket.gethostbyname_ex",
                           "ipaddress.ip_address", "ipaddress.ip_network", "ipaddress.ip_interface", "str"})
# `address.is_private`: a private-address check of the resolved host.
ADDRESS_PROPERTIES = frozenset({"is_private", "is_loopback", "is_link_local", "is_reserved", "is_global",
                                "is_multicast", "is_unspecified", "is_site_local"})
HOST_CHECK_OPERATORS = frozenset({cst.In, cst.NotIn, cst.Equal, cst.NotEqual})
# Compared with these, a host is checked against a denylist, which other spellings of the address pass
# (`127.1`, `[::1]`, a DNS name pointing inside): no check.
LOCAL_HOST_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "169.254.169.254", "metadata.google.internal"})


# A URL that names its scheme and host and then ends the host (`https://api.github.com/`, `...?`): text joined after
# it cannot move the request to another host (before the `/`, `@evil.com` or `.evil.com` could). So does a path
# (`/domain/`, not `//`): relative to the base URL of the client that sends it, and no URL at all for the others.
PINNED_HOST = lazy_pattern(r"^(?:[a-z][a-z0-9+.-]*://[^/?#@\\]+[/?#]|/[^/\\])", re.IGNORECASE)
HOST_ENDS = ("/", "?", "#")
PINNABLE = (cst.BinaryOperation, cst.FormattedString, cst.ConcatenatedString)


def _built_url(node: cst.BaseExpression) -> bool:
    """Text joined from parts (`+`, an f-string, `%`, `.format`): the only URLs whose host a prefix can pin."""
    return type(node) in PINNABLE or type(node) is cst.Call and type(node.func) is cst.Attribute \
        and node.func.attr.value == "format"


def _extends(value: cst.BaseExpression, name: str) -> bool:
    """`name + ...`, `f"{name}..."`: text that starts with what `name` holds."""
    pieces = _url_pieces(value)
    return bool(pieces) and type(pieces[0]) is cst.Name and pieces[0].value == name  # type: ignore[union-attr]


def _url_pieces(node: cst.BaseExpression) -> list[cst.BaseExpression | str]:
    """The parts a URL is built from, in order: text, and the expressions between (`BASE + "/" + path`,
    `f"{BASE}/repos/{path}"`, `"https://x/%s" % path`, `"https://x/{}".format(path)`)."""
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Add:
        return [*_url_pieces(node.left), *_url_pieces(node.right)]
    if type(node) is cst.ConcatenatedString:
        return [*_url_pieces(node.left), *_url_pieces(node.right)]
    if type(node) is cst.FormattedString:
        return [p.value if type(p) is cst.FormattedStringText else p.expression  # type: ignore[attr-defined]
                for p in node.parts]
    template = node.left if type(node) is cst.BinaryOperation and type(node.operator) is cst.Modulo else \
        node.func.value if type(node) is cst.Call and type(node.func) is cst.Attribute \
        and node.func.attr.value == "format" else None
    text = string_value(template) if template is not None else None
    if text is None:
        return [node]
    rest = [node.right] if type(node) is cst.BinaryOperation else [a.value for a in node.args]  # type: ignore[attr-defined]
    return [text.split("%" if type(node) is cst.BinaryOperation else "{", 1)[0], *rest]



def request_hooks(source: str) -> Iterator[str]:
    """The names listed after `hooks`/`event_hooks` on their line (`event_hooks={"request": [vet]}`,
    `client.event_hooks["request"].append(vet)`). One pass per line: a line of a megabyte with a thousand `hooks`
    words and no bracket is read once, not once per word."""
    for line in source.splitlines():
        position = 0
        while (word := HOOKS_WORD.search(line, position)) is not None:
            listed = HOOK_LISTED.search(line, word.end())
            if listed is None:
                break  # no bracket after this word, so none after a later one either
            yield listed.group(1)
            position = listed.end()

# An exact ORM lookup by an identifier the server made (`CaptchaStore.objects.get(hashkey=key)`,
# `get_object_or_404(Upload, token=token)`): once it found a record, the value is one of the stored identifiers, not a
# path the client chose. Fields named for what a client names (`name`, `filename`, `path`) prove nothing.
SERVER_MADE_FIELDS = frozenset({"key", "hashkey", "token", "uuid", "id", "pk", "slug", "hash", "digest"})
LOOKUP_SHORTCUTS = frozenset({"get_object_or_404", "aget_object_or_404"})
ENDING_STATEMENTS = (cst.Return, cst.Raise)


def _looked_up_names(statement: cst.CSTNode) -> list[str]:
    """The names an `x = Model.objects.get(hashkey=name)` (or `get_object_or_404(Model, token=name)`) statement looks a
    record up by, through fields of identifiers the server makes; a lookup that finds none raises."""
    value = statement.value if type(statement) in (cst.Assign, cst.Expr) else None  # type: ignore[attr-defined]
    if type(value) is cst.Await:
        value = value.expression
    if type(value) is not cst.Call:
        return []
    func = value.func
    exact_get = type(func) is cst.Attribute and func.attr.value in ("get", "aget") \
        and type(func.value) is cst.Attribute and func.value.attr.value == "objects"
    if not (exact_get or (dotted_name(func) or "").rpartition(".")[2] in LOOKUP_SHORTCUTS):
        return []
    return [arg.value.value for arg in value.args if arg.keyword is not None and type(arg.value) is cst.Name
            and arg.keyword.value.rpartition("_")[2] in SERVER_MADE_FIELDS]


def _ends(block: cst.BaseSuite) -> bool:
    """A block that leaves the function: its last statement returns, raises or calls `abort()` (`EXITING_CALLS`)."""
    body = block.body if isinstance(block, cst.IndentedBlock) else ()
    last = body[-1] if body else None
    if type(last) is not cst.SimpleStatementLine:
        return False
    small = last.body[-1]
    return type(small) in ENDING_STATEMENTS or (type(small) is cst.Expr and type(small.value) is cst.Call
                                                and dotted_name(small.value.func) in EXITING_CALLS)


class UrlState(FlowState):
    """The flow state plus, per name, the client URL whose parts (`parsed`) or host or address (`hosts`) it holds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parsed: dict[str, str] = {}
        self.hosts: dict[str, str] = {}
        self.admin_route = False  # a route handler only administrators reach: the URLs it is sent are configuration
        self.django_view: str | None = None  # the function's name, when only its `request` parameter makes it a view
        # URLs cleared only by a private-address check, with the taint they had: a redirect gets past that check
        self.address_checked: dict[str, Taint] = {}
        # names bound to a `pathlib` path (`target = Path(BASE, name)`): their `.read_bytes()` reads a file
        self.paths: set[str] = set()
        # names bound to an open archive (its `.open()` reads a member, not a file), and those of the client's
        # tar archives with the taint of their content; paths an upload was saved to, with the upload's taint
        self.archives: set[str] = set()
        self.tars: dict[str, Taint] = {}
        self.client_files: dict[str, Taint] = {}
        # whether the file names an archive module at all: else none of the above is tracked
        self.archives_matter = False
        # whether the file imports a browser automation library, whose pages and screenshots are sinks
        self.automates_browser = False
        # names bound to a built URL (`url = f"{API}/users/{name}"`), whose host is judged only if it is fetched
        self.built: dict[str, cst.BaseExpression] = {}
        # lookups first in a `try` whose handler goes on: a missing record there does not end the function
        self.fallible_lookups: set[int] = set()
        # names bound to one row fetched by identifiers the server makes (`row_lookups`) -> the names looked up by
        self.rows: dict[str, tuple[str, ...]] = {}

    def pins_host(self, node: cst.BaseExpression, depth: int = 0) -> bool:
        """A URL whose scheme and host come before any client text: a constant (`"https://api.github.com/" + path`,
        `f"{API_BASE}/repos/{path}"`), or a base the client does not give (`settings.API_URL + "/" + path`) followed by
        a `/`. The path is the client's; the server it goes to is not."""
        text, base = "", False
        for piece in _url_pieces(node):
            known = piece if isinstance(piece, str) else self._known_text(piece)
            if known is not None:
                text += known
            elif not (text or base) and type(piece) is cst.Name and piece.value in self.built:
                return depth < 3 and self.pins_host(self.built[piece.value], depth + 1)  # `url + "?page=2"`
            elif text or base or self.taint_of(piece) is not None:  # type: ignore[arg-type]
                return False
            else:
                base = True  # configuration (`settings.API_URL`, `self.base_url`): its host is the server's choice
            if PINNED_HOST.match(text) or base and text.startswith(HOST_ENDS):
                return True
        return False

    def host_parameters(self, node: cst.BaseExpression) -> list[str] | None:
        """The parameters a URL's host comes from when their text comes first and a `/` follows
        (`f"{self.api_url}/agents/{agent}"`): only they choose the server, the later ones only the path. None for a URL
        built another way."""
        built = self.built.get(node.value) if type(node) is cst.Name else node
        if built is None or not _built_url(built):
            return None
        leading: list[tuple[cst.BaseExpression, Taint]] = []
        for piece in _url_pieces(built):
            text = piece if isinstance(piece, str) else self._known_text(piece)
            if text is None and not isinstance(piece, str):
                taint = self.taint_of(piece)
                if taint is None or taint.kind != PARAMETER:
                    return None
                leading.append((piece, taint))
                continue
            return [origin for each, taint in leading for origin in parameters_in(each, self, taint)] \
                if leading and text is not None and text.startswith(HOST_ENDS) else None
        return None

    def _known_text(self, node: cst.BaseExpression) -> str | None:
        if type(node) is not cst.Name:
            return string_value(node)
        known = self.constants.get(node.value)
        if known is None and self.module is not None and node.value not in self.names:
            known = module_strings(self.module).get(node.value)
        return known

    def archive_taint(self, node: cst.BaseExpression) -> Taint | None:
        """The taint of the content of a `tarfile` archive: a name bound to one, or `tarfile.open(...)` of client
        data, of a parameter, or of a path an upload was saved to."""
        if type(node) is cst.Name:
            return self.tars.get(node.value)
        if type(node) is not cst.Call or self.qualified_name(node) not in TAR_OPENERS:
            return None
        for arg in node.args:
            taint = self.client_file(arg.value) or self.taint_of(arg.value)
            if taint is not None and (taint.kind == "request" or taint.kind in SUMMARISED_KINDS):
                return taint
        return None

    def client_file(self, node: cst.BaseExpression) -> Taint | None:
        """The taint of a path an upload was written to, also spelled `str(path)` or `os.fspath(path)`."""
        if type(node) is cst.Call and len(node.args) == 1 and self.qualified_name(node) in PATH_TO_TEXT:
            node = node.args[0].value
        return self.client_files.get(dotted_name(node) or "")

    def is_archive(self, node: cst.BaseExpression) -> bool:
        if type(node) is cst.Name:
            return node.value in self.archives
        return type(node) is cst.Call and self.qualified_name(node) in ARCHIVE_OPENERS

    def is_path(self, node: cst.BaseExpression) -> bool:
        """A `pathlib` path: `Path(...)`, `BASE / name`, `.joinpath(...)`/`.resolve()` of one, or a name bound to one."""
        if type(node) is cst.Name:
            return node.value in self.paths
        if type(node) is cst.BinaryOperation:
            return type(node.operator) is cst.Divide  # `BASE / name`: a number has no `.read_bytes()`
        if type(node) is not cst.Call:
            return False
        if type(node.func) is cst.Attribute and node.func.attr.value in PATH_DERIVING_METHODS:
            return self.is_path(node.func.value)
        name = self.qualified_name(node) or ""
        return name in PATH_CLASSES or name.rpartition(".")[2] in PATH_CLASSES

    def url_of_parts(self, node: cst.BaseExpression) -> str | None:
        """The URL name that `urlparse(url)` or a name bound to it parses."""
        if type(node) is cst.Name:
            return self.parsed.get(node.value)
        if type(node) is not cst.Call or not node.args:
            return None
        parser = self.qualified_name(node) or ""
        if parser in URL_PARSERS or parser.rpartition(".")[2] in URL_PARSER_LAST_NAMES:
            inner = dotted_name(node.args[0].value)
            return inner if inner is not None and inner in self.names else None
        return None

    def url_of_host(self, node: cst.BaseExpression) -> str | None:
        """The URL name whose host (or resolved address) an expression is."""
        if type(node) is cst.Name:
            return self.hosts.get(node.value)
        if type(node) is cst.Attribute and node.attr.value in HOST_ATTRIBUTES:
            return self.url_of_parts(node.value)
        if type(node) is cst.Call and node.args and self.qualified_name(node) in ADDRESS_CALLS:
            return self.url_of_host(node.args[0].value)
        if type(node) is cst.Subscript:
            return self.url_of_host(node.value)
        if type(node) is cst.BooleanOperation and type(node.operator) is cst.Or:
            return self.url_of_host(node.left)  # `urlparse(url).hostname or ""`
        return None

    def note(self, statement: cst.CSTNode) -> None:
        """Before a statement's bindings: which names get a client URL's parts or host; which host checks clear it."""
        if type(statement) in (cst.If, cst.While, cst.Assert):
            if self.rows and type(statement) is cst.If:
                self._note_missing_row(statement)  # type: ignore[arg-type]
            only_by_address: dict[str, bool] = {}
            for url, by_address in self._checked_urls(statement.test):  # type: ignore[attr-defined]
                only_by_address[url] = only_by_address.get(url, True) and by_address
            for url, by_address in only_by_address.items():
                taint = self.names.pop(url, None)
                self.checked.add(url)
                if by_address and taint is not None:
                    self.address_checked[url] = taint
                elif not by_address:
                    self.address_checked.pop(url, None)
            return
        if type(statement) is cst.Try:
            self._note_guarded_lookup(statement)  # type: ignore[arg-type]
            return
        if id(statement) not in self.fallible_lookups:
            for looked_up in _looked_up_names(statement):
                self.names.pop(looked_up, None)  # `store = CaptchaStore.objects.get(hashkey=key)`: a stored identifier
                self.checked.add(looked_up)
        if self.archives_matter:
            self._note_archive_statement(statement)
        if type(statement) is not cst.Assign:
            return
        for target in statement.targets:
            name = target.target.value if type(target.target) is cst.Name else None
            if name is None:
                continue
            self._note_row(name, statement.value)
            self.parsed.pop(name, None)
            self.hosts.pop(name, None)
            if not _built_url(statement.value):
                self.built.pop(name, None)
            elif not _extends(statement.value, name):  # `url = url + "?page=2"` keeps the start `url` had
                self.built[name] = statement.value
            if self.is_path(statement.value):
                self.paths.add(name)
            else:
                self.paths.discard(name)
            parts, host = self.url_of_parts(statement.value), self.url_of_host(statement.value)
            if parts is not None:
                self.parsed[name] = parts
            elif host is not None:
                self.hosts[name] = host

    def _note_row(self, name: str, value: cst.BaseExpression) -> None:
        """`row = conn.execute("SELECT ... WHERE slug = ?", (slug,)).fetchone()`: a row looked up by identifiers the
        server makes only (`SERVER_MADE_FIELDS`), found or `None`."""
        columns, values = row_lookup(value) if type(value) is cst.Call else ((), ())
        looked_up = tuple(v.value for v in values if type(v) is cst.Name)
        if looked_up and all(column.rpartition("_")[2] in SERVER_MADE_FIELDS for column in columns):
            self.rows[name] = looked_up
        elif self.rows:
            self.rows.pop(name, None)

    def _note_missing_row(self, statement: cst.If) -> None:
        """`if row is None: return None` (or `if not row: abort(404)`): past it, the names the row was looked up by are
        stored identifiers, as past `Model.objects.get(slug=slug)`."""
        test = statement.test
        if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
            row = test.expression
        elif type(test) is cst.Comparison and len(test.comparisons) == 1 \
                and type(test.comparisons[0].operator) is cst.Is and is_name(test.comparisons[0].comparator, "None"):
            row = test.left
        else:
            return
        if type(row) is cst.Name and row.value in self.rows and _ends(statement.body):
            for looked_up in self.rows[row.value]:
                self.names.pop(looked_up, None)
                self.checked.add(looked_up)

    def _note_guarded_lookup(self, statement: cst.Try) -> None:
        """`try: store = Model.objects.get(hashkey=key)` whose handlers return or raise: past it, `key` names a stored
        record. A handler that goes on (`store = None`) leaves it unchecked."""
        first = statement.body.body[0] if isinstance(statement.body, cst.IndentedBlock) and statement.body.body else None
        small = first.body[0] if type(first) is cst.SimpleStatementLine and len(first.body) == 1 else None
        if small is not None and _looked_up_names(small) and not all(_ends(h.body) for h in statement.handlers):
            self.fallible_lookups.add(id(small))

    def _note_archive_statement(self, statement: cst.CSTNode) -> None:
        """Names bound to an archive (`with tarfile.open(...) as tar`, `zf = ZipFile(...)`), paths uploads are saved to."""
        if type(statement) is cst.With:
            for item in statement.items:
                if item.asname is not None and type(item.asname.name) is cst.Name:
                    self._note_archive(item.asname.name.value, item.item)
        elif type(statement) is cst.Expr:
            self._note_saved_upload(statement.value)
        elif type(statement) is cst.Assign and type(statement.value) is cst.Call:
            for target in statement.targets:
                if type(target.target) is cst.Name:
                    self._note_archive(target.target.value, statement.value)

    def _note_archive(self, name: str, value: cst.BaseExpression) -> None:
        if self.is_archive(value):
            self.archives.add(name)
        else:
            self.archives.discard(name)
        taint = self.archive_taint(value)
        if taint is not None:
            self.tars[name] = taint
        else:
            self.tars.pop(name, None)

    def _note_saved_upload(self, value: cst.BaseExpression) -> None:
        """`upload.save(tmp_path)`, `tmp_path.write_bytes(await upload.read())`: the file at `tmp_path` now holds
        what the client sent."""
        if type(value) is not cst.Call or type(value.func) is not cst.Attribute:
            return
        destination: cst.BaseExpression | None
        content: cst.BaseExpression | None
        if value.func.attr.value == "save":
            destination, content = call_argument(value, 0, "dst"), value.func.value
        elif value.func.attr.value == "write_bytes":
            destination, content = value.func.value, call_argument(value, 0, "data")
        else:
            return
        path = dotted_name(destination) if destination is not None else None
        taint = self.taint_of(content) if content is not None else None
        if path is not None and taint is not None and taint.kind == "request":
            self.client_files[path] = taint

    def _checked_urls(self, test: cst.BaseExpression) -> Iterator[tuple[str, bool]]:
        """URLs whose host a condition compares with something (`host in ALLOWED_HOSTS`) or checks for a private
        address (`ip.is_private`: True beside the URL); a scheme or path check is not one."""
        for node in iter_expressions(test):
            if type(node) is cst.Comparison and any(type(c.operator) in HOST_CHECK_OPERATORS for c in node.comparisons):
                if _names_local_hosts(node):
                    continue
                for operand in (node.left, *(c.comparator for c in node.comparisons)):
                    url = self.url_of_host(operand)
                    if url is not None:
                        yield url, False
            elif type(node) is cst.Attribute and node.attr.value in ADDRESS_PROPERTIES:
                url = self.url_of_host(node.value)
                if url is not None:
                    yield url, True
            elif type(node) is cst.Call and _is_host_validator(node, self):
                # `if not is_public(host)`, `if not allowed_host(urlparse(url).hostname)`: the project's own check
                for arg in node.args:
                    url = self.url_of_host(arg.value)
                    if url is not None:
                        yield url, False


REDIRECT_HINT = "Fetch without following redirects (`allow_redirects=False`) and check each `Location` the same way."
# Calls that follow redirects unless told not to: keyword -> the value that stops them. `httpx` does not by default.
REDIRECT_SWITCHES = {"requests": ("allow_redirects", True), "aiohttp": ("allow_redirects", True),
                     "httpx": ("follow_redirects", False), "urllib": ("", True)}


def _bypass_message(taint: Taint, label: str) -> str:
    return (f"Client input from `{taint.origin}` is checked for private addresses but `{label}` follows redirects, "
            "so a public URL that redirects to an internal address gets through.")


def follows_redirects(call: cst.Call, state: FlowState) -> bool:
    """Whether an HTTP call follows redirects: `requests.get` and `aiohttp` unless `allow_redirects=False`,
    `urllib.request.urlopen` always, `httpx` only with `follow_redirects=True`; `requests.head` does not."""
    name = state.qualified_name(call) or ""
    if type(call.func) is cst.Attribute:
        client = state.taint_of(call.func.value)  # `httpx.Client()` made in this function
        if client is not None and client.kind == "http-client":
            name = f"{client.origin}.{call.func.attr.value}"
    # a session or client object of unknown kind: `requests`' default, the most common
    library = next((lib for lib in REDIRECT_SWITCHES if name.startswith(lib + ".")), "requests")
    if name == "requests.head":
        return False
    keyword, default = REDIRECT_SWITCHES[library]
    value = call_argument(call, None, keyword) if keyword else None
    if value is None:
        return default
    return not (type(value) is cst.Name and value.value == "False")


def _is_host_validator(call: cst.Call, state: FlowState) -> bool:
    """A call that may validate a host it is given: not a lookup or conversion (`socket.gethostbyname`), a
    length or type test, or a string method (`host.endswith(...)`, which VC415 reports)."""
    func = call.func
    if type(func) is not cst.Name or func.value in NON_CHECK_CALLS:
        return False
    return state.qualified_name(call) not in ADDRESS_CALLS


def _names_local_hosts(comparison: cst.Comparison) -> bool:
    """`host == "localhost"`, `host in ("127.0.0.1", "169.254.169.254")`: a denylist of internal addresses."""
    for operand in (comparison.left, *(c.comparator for c in comparison.comparisons)):
        elements = [e.value for e in operand.elements] \
            if type(operand) is cst.Tuple or type(operand) is cst.List or type(operand) is cst.Set else [operand]
        if any(string_value(e) in LOCAL_HOST_NAMES for e in elements):
            return True
    return False


def request_or_client_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input, and HTTP client objects (`requests.Session()`, `httpx.AsyncClient()`) to spot their calls."""
    if type(node) is cst.Call and state.qualified_name(node) in HTTP_CLIENT_FACTORIES:
        return Taint("http-client", short_code(node.func))
    if type(node) is cst.Attribute and node.attr.value in ("name", "stem", "suffix") and type(node.value) is cst.Call \
            and (state.qualified_name(node.value) or "").rsplit(".", 1)[-1] in ("Path", "PurePath", "PurePosixPath"):
        return CLEAN  # `Path(name).name`, `.suffix`: a piece of the last part only, like `os.path.basename`
    return request_source(node, state)


class RequestDataToFilesystemOrUrl(FlowRule):
    """Client input reaches a file path or an outgoing request's URL without a visible check.

    ## What it does
    Follows, within one function (and into the functions nested in it, through the names they do not bind themselves:
    a generator that streams the file a view named), client-controlled data (Flask `request.args/form/json/files/...`,
    also spelled `flask.request.args`, route parameters of Flask and FastAPI/Starlette views, Starlette `Request` objects, Django
    and DRF `request.GET/POST/data/query_params`, aiohttp's `request.query/match_info/post()`, Falcon's and
    Pyramid's `params`, a Falcon responder's URL template fields (`def on_get(self, req, resp, name)`), Bottle's
    `request.forms/query/params`, Emmett's `request.query_params` and `await request.body_params`, a Tornado handler's
    `self.get_argument()`, a
    standard-library `http.server` handler's
    `self.path`, `self.headers` and `self.rfile.read()` (and the query of `urlparse(self.path)`), an AWS Lambda
    handler's `event`, a Slack/bolt
    listener's `body`/`event`, a kopf operator handler's custom resource (`spec`, `body`, `status`: whoever may create
    the resource writes them; not its API-validated `name`/`namespace`), a chat bot's messages
    (`update.message.text`, `context.args`), an MCP tool's arguments, a GraphQL resolver's, a NiceGUI page's and a
    gRPC servicer method's arguments, a WebSocket's messages
    (`await websocket.receive_json()`, a Django Channels consumer's `receive_json(self, content)`), the arguments of a
    Reflex state's event handlers (methods of an `rx.State` subclass but private ones), Chalice's `app.current_request`,
    the `.value` (or `.filename`) of a Panel text or file widget the module binds, `where = pn.widgets.TextInput(...)`,
    and `pn.state.session_args`)
    through assignments, f-strings and `+`, `str` methods, `base64`, `json.loads`, dict and list stores,
    `configparser`, objects of the module's own classes, branches and loops, `os.path.join` and `pathlib.Path` into
    `open`, `send_file`, `send_from_directory`'s directory (its second argument is safe), `FileResponse` (also
    aiohttp's and Pyramid's), Bottle's `static_file`'s root, `os.remove`/`shutil` (also the folder `make_archive`
    packs), `Path.open()/read_text()`, the path a data frame is written to (pandas' `to_csv`/`to_parquet`/`to_json`/...,
    polars' `write_csv`/`write_parquet`, Spark's `df.write....parquet(path)`/`.save(path)`), or the URL
    of a `requests`/`httpx`/`urllib`/`aiohttp` call, of Tornado's
    `AsyncHTTPClient().fetch()` or `HTTPRequest`, of a request built to be sent later (`client.build_request("GET",
    url)`, `httpx.Request(...)`, `requests.Request(...)`) (also of a session a class keeps in `self.session =
    requests.Session()` or the module binds at its top level, `session = requests.Session()`; for VC417 also one
    that a base class in another module of the project binds) or the `base_url` of an `httpx.Client` or
    `aiohttp.ClientSession`, which every later call of that client goes to. In a file that drives a browser
    (Playwright, pyppeteer, Selenium), the page it opens (`page.goto(url)`, a Selenium `driver.get(url)`) is a URL the
    server fetches, and the files it writes (`page.screenshot(path=...)`, `page.pdf(path=...)`,
    `download.save_as(path)`, `driver.save_screenshot(path)`) are paths. An archive the client sent
    (`tarfile.open(fileobj=upload.stream)`, or a path an upload was written to by
    `.save()` or `.write_bytes()`) extracted by `extractall()`
    without `filter="data"` or a `members=` list, by `extract(member)` of a member no `if` checked, or by
    `shutil.unpack_archive()` without `filter=` is reported too (zip slip), and bandit's `B202` is cleared on an
    `extractall()` with `filter="data"` (or `"tar"`, `tarfile.data_filter`), whoever made the archive, and on a call
    of the module's own function named for it (`_safe_extractall(tf, dest)`, not `TarFile.extractall`); `zipfile`'s
    own extraction drops `..`
    from member names, but names taken from `namelist()` and joined to a folder by hand are followed. A Tornado
    handler's `self.get_argument()` (and its query and body variants), `self.request.body/uri/files` and the
    groups its URL pattern captures (`def get(self, name)`) are client input. In a helper,
    a path built from a parameter (`Path(BASE, name).read_bytes()`, `(BASE / name).open()`) is recorded for
    VC417, which reports it when a caller passes client input. A visible check clears the value: `secure_filename`,
    `os.path.basename`, `safe_join`, an allow-list `in` test, a comparison, or any validating call in an
    `if`/`assert` (`is_safe_url(url)`, `path.is_relative_to(BASE)`, `urlparse(url).hostname in ALLOWED_HOSTS`,
    also through a variable: `host = urlparse(url).hostname`, `parts.netloc in ALLOWED`, `is_public(host)`, and a
    verdict unpacked with its reason: `allowed, reason = is_allowed_file(path)`), and an exact ORM lookup by a field of
    identifiers the server makes (`CaptchaStore.objects.get(hashkey=key)`, `get_object_or_404(Upload, token=token)`,
    with any `except` around it returning or raising; or one row fetched by SQL whose every condition is an equality on
    such a field, `row = conn.execute("SELECT ... WHERE slug = ?", (slug,)).fetchone()`, then `if row is None: return`):
    past it the value is a stored identifier; a lookup by `filename`/`name`, one whose `except` goes on, or a row whose
    absence does not end the function, clears nothing. The temporary file an upload
    was written to (`upload.file.name`) is the server's path; the name the client chose (`upload.filename`) is not.
    Chainlit's chat handlers (`@cl.on_message`, `@cl.action_callback`) take what the visitor sent, but for where
    Chainlit stored an uploaded file (`element.path` of `message.elements`); a chat command's word checks nothing of
    the text after it (`if text.startswith("/fetch "): requests.get(text.removeprefix("/fetch "))`).
    An httpx client of a module whose clients get a request hook named for a check (`event_hooks={"request":
    [refuse_private_destination]}`; not a hook that logs) is vetted on every request. A private-address
    check of the resolved host (`ipaddress.ip_address(socket.gethostbyname(host)).is_private`) clears the URL
    for a fetch that does not follow redirects (`allow_redirects=False`, `httpx` by default); `requests`,
    `aiohttp` and `urlopen` follow them to any address, which is reported. Tests that do not protect do not
    clear it: the extension alone, `endswith`, a scheme-only `startswith`, `"http://" in url`, a scheme check, a
    denylist of `localhost`/`127.0.0.1`, a truthiness test of the host. A URL whose scheme and host come before
    any client text is not reported: `API_BASE + "/" + path`, `f"{API_BASE}/repos/{owner}"` with a constant
    `https://host`, `"https://host/items/%s" % item`, or a base from configuration (`settings.API_URL`) followed
    by a `/`; without that `/` (`API_BASE + path`), `@evil.com` moves the request to another host, and
    `urljoin(API_BASE, path)` takes the host of an absolute path, so both are. In a helper, a base the function is
    given followed by a `/` (`f"{self.api_url}/agents/{agent}"`) lets only a caller that passes that base choose the
    server: one passing client input as `agent` chooses a path. A URL sent to a route handler that
    only administrators reach (`user=Depends(get_admin_user)`, `@admin_required`) is not reported either: the
    address of a service to connect to is an administrator's configuration (a file path sent there still is). Nor is
    a parameter typed with an `Enum` subclass, of the module or imported from another module of its package (`theme:
    Optional[Theme] = Query(Theme.light)`, `from .types import Theme`): the framework accepts only the class's
    members (`Theme | str` still takes any text).

    ## Why is this bad?
    `../../etc/passwd` in a file name reads or overwrites any file the server can reach (path traversal).
    A URL taken from the client makes your server fetch internal addresses such as the cloud metadata
    endpoint `169.254.169.254` or an admin service behind the firewall (server-side request forgery).

    ## Example
    ```python
    import os

    from flask import Flask, request, send_file

    app = Flask(__name__)

    @app.get("/download")
    def download():
        name = request.args["name"]
        return send_file(os.path.join("uploads", name))
    ```

    ## Use instead
    ```python
    from flask import Flask, request, send_from_directory

    app = Flask(__name__)

    @app.get("/download")
    def download():
        return send_from_directory("uploads", request.args["name"])
    ```

    ## References
    - [CWE-22: Path Traversal](https://cwe.mitre.org/data/definitions/22.html)
    - [CWE-918: Server-Side Request Forgery](https://cwe.mitre.org/data/definitions/918.html)
    - [OWASP: SSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
    - [Flask: send_from_directory](https://flask.palletsprojects.com/en/stable/api/#flask.send_from_directory)
    """

    code = "VC405"
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    name = "request-data-to-filesystem-or-url"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (22, 73, 918)
    supersedes = ("B202",)
    vets = ("B202",)
    cache_inputs = (enum_modules_inputs,)  # the modules of its package a file imports its parameters' enum classes from
    _own_functions: frozenset[str] | None = None  # the module's top-level functions, read on the first question

    summarises = True
    released_by = ("VC201",)  # its app model's URLconfs show a Django helper routed nowhere (`cleared`)

    def new_state(self) -> FlowState:
        state = UrlState(self.context.imports, request_or_client_source, sanitizer_names=SANITIZERS)
        state.archives_matter = self.context.imports.imports_any(ARCHIVE_MODULES)
        state.automates_browser = self.context.imports.imports_any(BROWSER_MODULES)
        return state

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        super().start_function(function, state)
        if state.names:  # `theme: Optional[Theme]` with `class Theme(str, Enum)`: one of a fixed list of members
            for name in enum_parameters(function, self.context.module, self.context.imports, self.context.path):
                state.names.pop(name, None)
        if isinstance(state, UrlState):
            route = is_route_handler(function)
            state.admin_route = route and restricted_to_admins(function)
            first = function.params.params[0].name.value if function.params.params else None
            state.django_view = function.name.value if not route and first == "request" \
                and module_uses_django(self.context.imports) else None

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        if isinstance(state, UrlState):
            state.note(node)
        archives = isinstance(state, UrlState) and state.archives_matter
        for call in iter_calls(node):
            if archives and (_extracts_filtered(call, state) or self._calls_own_extractor(call)):
                self.vet(call)
            if archives and _is_unpacking(call):
                self._check_extraction(call, state)
            seen = state.seen_call(call)  # `send(url)` after `send = requests.Session().get`: the session's `get(url)`
            sink = self._sink(seen, state)
            if sink is None:
                self._check_inherited_client(seen, state)
                continue
            argument, label, is_url = sink
            if argument is None:
                continue
            taint = state.taint_of(argument)
            if taint is not None and is_url and isinstance(state, UrlState) and self._host_pinned(argument, state):
                continue
            if taint is not None and taint.kind in SUMMARISED_KINDS:
                hosts = state.host_parameters(argument) if is_url and isinstance(state, UrlState) \
                    and taint.kind == PARAMETER else None
                with self.recording(taint, state, needs=HOST if is_url else "", origins=hosts) as placeholder:
                    self._report_sink(argument, label, is_url, placeholder)
            elif taint is not None and taint.kind == "request" \
                    and not (is_url and isinstance(state, UrlState) and state.admin_route):
                view = state.django_view if isinstance(state, UrlState) else None
                self._report_sink(argument, label, is_url, taint, unless=(UNROUTED_VIEW, view)
                                  if view is not None and taint.origin in state.guessed_inputs else None)
            elif is_url and isinstance(state, UrlState) and follows_redirects(seen, state):
                self._report_redirect_bypass(argument, label, state)

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        if self.summarises and any(tail in self.context.source for tail in CLIENT_FACTORY_TAILS):
            self.summarise_client_attributes(_attributes_bound_to_clients(node, self._fresh_state()))

    def _check_inherited_client(self, call: cst.Call, state: FlowState) -> None:
        """`self.api.post(url)` in a class whose base, in another module, may bind `self.api = httpx.Client()`: a
        parameter that reaches the URL is recorded on that condition, which the join checks against the base."""
        func = call.func
        if type(func) is not cst.Attribute or func.attr.value not in HTTP_VERBS or type(func.value) is not cst.Attribute \
                or state.summary is None or state.class_name is None:
            return
        condition = self.inherited_attribute(func.value, state)
        url = call_argument(call, 1 if func.attr.value in METHOD_FIRST else 0, "url") if condition is not None else None
        taint = state.taint_of(url) if url is not None else None
        if taint is None or taint.kind not in SUMMARISED_KINDS or not isinstance(state, UrlState) \
                or self._host_pinned(url, state):  # type: ignore[arg-type]
            return
        if condition is not None:
            with self.recording(taint, state, needs=NEEDS_ATTRIBUTE + condition) as placeholder:
                self._report_sink(url, f"{short_code(func)}()", True, placeholder)  # type: ignore[arg-type]

    def value_note(self, node: cst.BaseExpression, taint: Taint, state: FlowState) -> str:
        """PINNED for a URL built here whose host is fixed before the passed text: the helper that fetches it cannot
        be sent to another server (it may still open it as a file, which needs no host)."""
        if isinstance(state, UrlState) and self._host_pinned(node, state):
            return PINNED
        return super().value_note(node, taint, state)

    @staticmethod
    def _host_pinned(argument: cst.BaseExpression, state: UrlState) -> bool:
        """The URL's host is fixed before any client text: `BASE + "/" + path`, or a name bound to such a URL."""
        if type(argument) is cst.Name:
            built = state.built.get(argument.value)
            return built is not None and state.pins_host(built)
        return _built_url(argument) and state.pins_host(argument)

    def _calls_own_extractor(self, call: cst.Call) -> bool:
        """`_safe_extractall(tf, dest)`: a function of this module whose name holds "extractall", which bandit's B202
        takes for `TarFile.extractall`; the extraction inside it is judged where it is."""
        func = call.func
        if type(func) is not cst.Name or "extractall" not in func.value:
            return False
        if self._own_functions is None:
            self._own_functions = _module_functions(self.context.module)
        return func.value in self._own_functions

    def _check_extraction(self, call: cst.Call, state: FlowState) -> None:
        """A client's `tarfile` archive extracted without a filter or a member check, or unpacked by `shutil`."""
        if not isinstance(state, UrlState) or has_keyword(call, "filter") and string_value(
                call_argument(call, None, "filter")) not in UNFILTERED:
            return
        func = call.func
        if type(func) is cst.Attribute and func.attr.value in ("extractall", "extract"):
            taint = state.archive_taint(func.value)
            if taint is None or func.attr.value == "extractall" and has_keyword(call, "members") \
                    or func.attr.value == "extract" and _is_checked_member(call_argument(call, 0, "member"), state):
                return
        elif state.qualified_name(call) == "shutil.unpack_archive":
            archive = call_argument(call, 0, "filename")
            taint = state.client_file(archive) if archive is not None else None
            if taint is None:
                return
        else:
            return
        label = f"{short_code(func)}()"
        if taint.kind in SUMMARISED_KINDS:
            with self.recording(taint, state) as placeholder:
                self._report_extraction(call, label, placeholder)
        else:
            self._report_extraction(call, label, taint)

    def _report_extraction(self, call: cst.Call, label: str, taint: Taint) -> None:
        self.report(call, f"An archive from `{taint.origin}` is extracted by `{label}` without a member filter, so a "
                    "member named `../../app.py` or a link can write outside the destination.", hint=ARCHIVE_HINT,
                    cwe=ARCHIVE_CWE)

    def _report_redirect_bypass(self, argument: cst.BaseExpression, label: str, state: UrlState) -> None:
        """A URL checked for private addresses, fetched by a call that follows redirects to any address."""
        url = dotted_name(argument)
        taint = state.address_checked.get(url) if url is not None else None
        if taint is None:
            return
        if taint.kind not in SUMMARISED_KINDS:
            self.report(argument, _bypass_message(taint, label), hint=REDIRECT_HINT, cwe=URL_CWE)
            return
        with self.recording(taint, state) as placeholder:
            self.report(argument, _bypass_message(placeholder, label), hint=REDIRECT_HINT, cwe=URL_CWE)

    def _report_sink(self, argument: cst.BaseExpression, label: str, is_url: bool, taint: Taint,
                     unless: tuple[str, str] | None = None) -> None:
        """`unless`: a parameter of a function taken for a Django view only by its `request` parameter, cleared where
        the project's URLconfs route no such view (`unrouted_views`)."""
        if is_url:
            self.report(argument, f"Client input from `{taint.origin}` is the URL of `{label}`, so a client can make "
                        "the server fetch internal addresses.",
                        hint="Check the URL's scheme and host against an allow-list "
                        "(`urlparse(url).hostname in ALLOWED_HOSTS`) before fetching it.", cwe=URL_CWE, unless=unless)
        else:
            self.report(argument, f"Client input from `{taint.origin}` reaches the file path of `{label}`, so `../` "
                        "can reach any file on the server.",
                        hint="Pass the name through `werkzeug.utils.secure_filename` or `os.path.basename`, or use "
                        "`send_from_directory`/`safe_join`, before touching the filesystem.", cwe=PATH_CWE,
                        unless=unless)

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        return kind == UNROUTED_VIEW and unrouted(project, relative, subject)

    def _sink(self, call: cst.Call, state: FlowState) -> tuple[cst.BaseExpression | None, str, bool] | None:
        name = state.qualified_name(call) or ""
        spec = PATH_FUNCTIONS.get(name)
        if spec is not None:
            path = call_argument(call, *spec)
            for other in OTHER_PATH_ARGUMENTS.get(name, ()) if state.taint_of(path) is None else ():
                path = call_argument(call, *other)
                if state.taint_of(path) is not None:
                    break
            return path, f"{short_code(call.func)}()", False
        spec = URL_FUNCTIONS.get(name)
        if spec is not None:
            return call_argument(call, *spec), f"{short_code(call.func)}()", True
        base = BASE_URL_FACTORIES.get(name)
        if base is not None:
            return call_argument(call, *base), f"{short_code(call.func)}(base_url=...)", True
        func = call.func
        if type(func) is not cst.Attribute:
            return None
        method = func.attr.value
        browser = _browser_sink(func) if isinstance(state, UrlState) and state.automates_browser else None
        if browser is not None:
            position, keyword_name, is_url = browser
            return call_argument(call, position, keyword_name), f"{short_code(func)}()", is_url
        if method in FRAME_WRITERS:
            return call_argument(call, *FRAME_WRITERS[method]), f"{short_code(func)}()", False
        if method in SPARK_WRITER_METHODS and _through_spark_writer(func.value):
            return call_argument(call, 0, "path"), f".{method}()", False
        if method in PATH_METHODS and not (isinstance(state, UrlState) and state.is_archive(func.value)):
            receiver = state.taint_of(func.value)
            # a parameter's `.open()` may be any object's; a path built from it is a file's
            if receiver is not None and (receiver.kind == "request" or receiver.kind in SUMMARISED_KINDS
                                         and isinstance(state, UrlState) and state.is_path(func.value)):
                return func.value, f"{short_code(func)}()", False
        if ((method in HTTP_VERBS and self._is_http_client(func.value, state)) or (
                method in CLIENT_FETCH_METHODS and self._is_http_client(func.value, state, by_name=False))) \
                and not self._guarded_by_hook(func.value, state):
            position = 1 if method in METHOD_FIRST else 0
            return call_argument(call, position, "url"), f"{short_code(func)}()", True
        return None

    def _guarded_by_hook(self, receiver: cst.BaseExpression, state: FlowState) -> bool:
        """An httpx client of a module that gives its clients a request hook named for a check
        (`client.event_hooks = {"request": [_refuse_private_destination]}`): the hook vets every request, redirects
        included, before it leaves; a hook that logs (`log_request`) vets nothing. `requests` has no request hook."""
        if (state.qualified_name(receiver) or "") in HTTP_MODULES:
            return False
        guarded = self._hooked
        if guarded is None:
            guarded = self._hooked = any(CHECKING_HOOK.search(name) for name in request_hooks(self.context.source))
        return guarded

    _hooked: bool | None = None

    def _is_http_client(self, receiver: cst.BaseExpression, state: FlowState, by_name: bool = True) -> bool:
        """`requests`, a client a factory made (`httpx.AsyncClient()`, also kept in `self.session`), or (`by_name`) a
        name such as `client`: enough for the HTTP verbs, not for `fetch`, which a project's own client may have."""
        resolved = state.qualified_name(receiver) or ""
        if resolved in HTTP_MODULES:
            return True
        taint = state.taint_of(receiver)
        if taint is not None and taint.kind not in SUMMARISED_KINDS:
            return taint.kind == "http-client"
        dotted = dotted_name(receiver)
        if dotted is None:
            return False
        if by_name and dotted.rsplit(".", 1)[-1] in HTTP_CLIENT_NAMES:
            return not dotted.startswith(("request", "self.request"))
        if dotted in self._module_clients(state):
            return True
        if dotted.startswith("self."):
            clients = self._clients
            if clients is None:
                clients = self._clients = self._client_attributes(state)
            return dotted[5:] in clients
        return False

    _clients: frozenset[str] | None = None
    _top_level_clients: frozenset[str] | None = None

    def _module_clients(self, state: FlowState) -> frozenset[str]:
        """The names the module binds to an HTTP client at its top level (`session = requests.Session()`), which its
        functions then call (`session.get(url)`); found once per file, and only in a file that spells a factory."""
        clients = self._top_level_clients
        if clients is None:
            source = self.context.source
            clients = self._top_level_clients = frozenset(
                _module_level_clients(self.context.module, state)
                if any(tail in source for tail in CLIENT_FACTORY_TAILS) else ())
        return clients

    def _client_attributes(self, state: FlowState) -> frozenset[str]:
        """The attributes a method of the module's classes binds to an HTTP client (`self.session =
        requests.Session()`), found once per file, and only in a file that spells a client factory."""
        source = self.context.source
        if not any(tail in source for tail in CLIENT_FACTORY_TAILS):
            return frozenset()
        return frozenset(attribute for _, attribute in _attributes_bound_to_clients(self.context.module, state))


def _attributes_bound_to_clients(module: cst.Module, state: FlowState) -> Iterator[tuple[str, str]]:
    """(class, attribute) for each `self.attribute = requests.Session()` in a method of the module's classes."""
    for class_name, attribute, statement in self_assignments(module):
        if type(statement) is cst.Assign and type(statement.value) is cst.Call \
                and state.qualified_name(statement.value) in HTTP_CLIENT_FACTORIES:
            yield class_name, attribute


def _browser_sink(func: cst.Attribute) -> tuple[int | None, str | None, bool] | None:
    """`page.goto(url)`, `page.screenshot(path=...)`, `download.save_as(path)`, a Selenium `driver.get(url)`."""
    method = func.attr.value
    if method == "get":
        receiver = dotted_name(func.value)
        return (0, "url", True) if receiver is not None and receiver.rsplit(".", 1)[-1] in BROWSER_DRIVER_NAMES else None
    return BROWSER_SINKS.get(method)


def _module_level_clients(module: cst.Module, state: FlowState) -> Iterator[str]:
    """Each `name = requests.Session()` (or `name: httpx.Client = httpx.Client()`) at the top of the module."""
    for statement in module.body:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            value: cst.BaseExpression | None
            if isinstance(small, cst.Assign):
                value, targets = small.value, [t.target for t in small.targets]
            elif isinstance(small, cst.AnnAssign):
                value, targets = small.value, [small.target]
            else:
                continue
            if type(value) is cst.Call and state.qualified_name(value) in HTTP_CLIENT_FACTORIES:
                yield from (target.value for target in targets if type(target) is cst.Name)


def _module_functions(module: cst.Module) -> frozenset[str]:
    return frozenset(statement.name.value for statement in module.body if isinstance(statement, cst.FunctionDef))


def _extracts_filtered(call: cst.Call, state: FlowState) -> bool:
    """`tar.extractall(dest, filter="data")` (or `filter=tarfile.data_filter`): PEP 706's filter checks each member."""
    chosen = call_argument(call, None, "filter") if has_keyword(call, "filter") else None
    if chosen is None:
        return False
    return string_value(chosen) in SAFE_FILTERS or (
        isinstance(chosen, (cst.Name, cst.Attribute)) and state.qualified_name(chosen) in SAFE_FILTER_FUNCTIONS)


def _is_unpacking(call: cst.Call) -> bool:
    """A call that may unpack an archive: `.extractall()`, `.extract()`, `shutil.unpack_archive()`."""
    func = call.func
    return type(func) is cst.Attribute and func.attr.value in ("extractall", "extract", "unpack_archive") \
        or type(func) is cst.Name and func.value == "unpack_archive"


def _is_checked_member(member: cst.BaseExpression | None, state: FlowState) -> bool:
    """A member whose name an `if` checked (`member.name`, or the member itself), or one named by a literal."""
    if member is None or string_value(member) is not None:
        return True
    name = dotted_name(member)
    return name is not None and (name in state.checked or any(c.startswith((name + ".", name + "[")) for c in state.checked))


def _through_spark_writer(receiver: cst.BaseExpression) -> bool:
    """`df.write`, `df.write.mode("overwrite").partitionBy("day")`: a chain of calls and attributes through `.write`."""
    while isinstance(receiver, (cst.Call, cst.Attribute)):
        if isinstance(receiver, cst.Attribute):
            if receiver.attr.value == SPARK_WRITER:
                return True
            receiver = receiver.value
        else:
            receiver = receiver.func
    return False
