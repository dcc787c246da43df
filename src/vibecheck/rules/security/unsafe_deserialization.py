"""VC406: deserialising data with a format that can run code (pickle, unsafe YAML, torch, numpy pickles)."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.call_edits import without_argument
from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.callable_aliases import (
    function_aliases,
    function_expansions,
    module_aliases,
    module_expansions,
    seen_call,
)
from vibecheck.analysis.class_bases import ClassIndex
from vibecheck.analysis.import_edits import times_bound
from vibecheck.analysis.nodes import head_name, is_name
from vibecheck.analysis.secrets_names import name_words
from vibecheck.analysis.yaml_loaders import (
    SAFE_YAML_LOADER,
    SAFE_YAML_LOADERS,
    YAML_LIBRARIES,
    is_safe_project_loader,
)
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import NodeFix
from vibecheck.rules.security._deserializers import PICKLE_MODULES, PICKLE_READERS, PICKLE_WRITERS
from vibecheck.rules.security._downloads import HTTP_LIBRARIES, downloaded_by
from vibecheck.rules.security._support import (
    STRING_NODES,
    BindingRule,
    argument,
    callee_tail,
    keyword,
    positional,
    string_value,
    tails,
)

# A literal path to storage that others write too: a bucket or a server (`s3://`, `gs://`, `https://`, not `file://`),
# or a shared mount (`/mnt/...`, `/nfs/...`, Databricks' `/dbfs/...`). Whoever can write there can run code here.
SHARED_STORAGE = lazy_pattern(r"^(?!file:)[a-z][a-z0-9+.-]*://|^/(?:mnt|nfs|net|dbfs|shared)/", re.IGNORECASE)
# qualified name -> index of the argument that carries the data (or the path it is read from)
ALWAYS_UNSAFE: dict[str, int] = {
    **dict.fromkeys(PICKLE_READERS, 0),
    "pandas.read_pickle": 0, "jsonpickle.decode": 0, "yaml.unsafe_load": 0,
    "yaml.unsafe_load_all": 0,
}
# A shelf is a dbm file of pickles, read back as a pickle load. Opened with `flag="n"`, it is always made new and
# empty: it loads nothing, and holds only what this code pickles into it, as `pickle.dump` does.
SHELVE_OPEN = "shelve.open"
NEW_SHELF_FLAG = "n"
# `marshal` runs no code while it loads, but trusts its input: crafted bytes crash the interpreter or hand back code
# objects, and the module says it is not meant for data from outside.
MARSHAL_READERS = frozenset({"marshal.load", "marshal.loads"})
SERIALIZERS = frozenset({*(f"{module}.dumps" for module in PICKLE_MODULES), "marshal.dumps"})
YAML_LOADERS = frozenset({"yaml.load", "yaml.load_all", "ruamel.yaml.load", "ruamel.yaml.load_all"})
# ruamel.yaml's loader objects: `YAML(typ="unsafe")` builds any Python object a document names.
RUAMEL_YAML = frozenset({"ruamel.yaml.YAML", "ruamel.yaml.main.YAML"})
UNSAFE_RUAMEL_TYPES = frozenset({"unsafe"})
OPENERS = frozenset({"open", "io.open", "builtins.open", "pathlib.Path", "Path", "gzip.open", "bz2.open", "lzma.open",
                     "importlib.resources.files"})
JOINERS = frozenset({"os.path.join", "posixpath.join", "os.path.abspath", "os.path.realpath"})
# Loaders of Hugging Face models and datasets that, with `trust_remote_code=True`, import and run the Python files of the
# repository they are given (`AutoModel.from_pretrained(model_id, trust_remote_code=True)`, `pipeline(model=...)`,
# `load_dataset(path)`): callee tail -> the position and keyword of the repository's name.
REMOTE_CODE_LOADERS = {"from_pretrained": (0, "pretrained_model_name_or_path"), "pipeline": (1, "model"),
                       "load_dataset": (0, "path")}
REMOTE_CODE = "trust_remote_code"
# The builders shipped inside the `datasets` package (`load_dataset("csv", data_files=...)`): the name picks code of
# the installed library, which reads the files it is given; no repository of the Hub is fetched, so a `revision` has
# nothing to pin and bandit's B615 asks for nothing that applies.
PACKAGED_BUILDERS = frozenset({"csv", "json", "parquet", "text", "arrow", "pandas", "sql", "xml", "generator", "spark",
                               "webdataset", "imagefolder", "audiofolder", "videofolder", "pdffolder", "cache"})
DATASET_LOADERS = frozenset({"datasets.load_dataset", "datasets.load.load_dataset"})
# numpy's opt-in to unpickling, and the words of a loader's name (`load_array`, `read_array`, `restore_state`) that a
# call asking for it may reach: a helper that hands the flag on to `numpy.load`, or numpy's own `read_array`.
PICKLE_OPT_IN = "allow_pickle"
NUMPY_LOADS = frozenset({"numpy.load", "np.load"})
LOADING_WORDS = frozenset({"load", "loads", "read", "restore", "deserialize", "deserialise", "unpickle", "fetch"})
CONSTANT_NAME = lazy_pattern(r"^_?[A-Z][A-Z0-9_]*$")
CALLEE_TAILS = tails({*ALWAYS_UNSAFE, *PICKLE_WRITERS, SHELVE_OPEN, *YAML_LOADERS, *RUAMEL_YAML, *MARSHAL_READERS, "torch.load",
                      "numpy.load", *REMOTE_CODE_LOADERS})
# What reads a path's or a buffer's content (`Path("m.pkl").read_bytes()`, `buffer.getvalue()`).
PATH_READERS = frozenset({"read_bytes", "read_text", "read", "joinpath", "open", "getvalue", "getbuffer"})
# In-memory buffers: made empty, they hold only what this code writes into them (`pickle.dump(obj, buffer)`).
MEMORY_BUFFERS = frozenset({"io.BytesIO", "io.StringIO"})
# What the fix calls instead, and the loaders it may drop (PyYAML's own; a project's loader class may add tags).
SAFE_YAML_CALLS = {"yaml.load": "safe_load", "yaml.unsafe_load": "safe_load", "yaml.load_all": "safe_load_all",
                   "yaml.unsafe_load_all": "safe_load_all"}
PYYAML_LOADERS = frozenset(f"yaml.{prefix}{kind}Loader" for prefix in ("", "C") for kind in ("", "Full", "Unsafe"))
# Words in a file that registers its own YAML tags: `safe_load` would not know them.
# Celery's `accept_content` (`CELERY_ACCEPT_CONTENT` in Django settings, `result_accept_content`): the formats a worker
# decodes; pickle among them lets whoever can publish to the broker run code on every worker.
ACCEPT_CONTENT_SETTING = "accept_content"
PICKLE_CONTENT_TYPES = frozenset({"pickle", "application/x-python-serialize"})
CUSTOM_TAG_WORDS = ("add_constructor", "add_multi_constructor", "YAMLObject")
# Words of a parameter through which the caller opts in to an unsafe load (`allow_pickle`, `trust_remote_code`,
# LangChain's `allow_dangerous_deserialization`): a function that takes one, off by default, and tests it before it
# loads, refuses unless its caller chose to trust the data.
OPT_IN_WORDS = frozenset({"allow", "trust", "trusted", "unsafe", "dangerous", "dangerously", "insecure"})


_CLASS_INDEX: list[tuple[Any, ClassIndex]] = []  # the last project's class index: one per project phase


def _class_index(project: Any) -> ClassIndex:
    if not _CLASS_INDEX or _CLASS_INDEX[0][0] is not project:
        _CLASS_INDEX[:] = [(project, ClassIndex(project))]
    return _CLASS_INDEX[0][1]


@dataclass
class _NamedLoader:
    """A PyYAML loader imported by name (`from yaml import load as read_yaml`) and the reported calls of it."""

    imported: cst.Name  # the `load` in the import, which becomes `safe_load`
    safe: str
    # call, qualified name, what is wrong, and the loader another module may clear (`Rule.report`'s `unless`)
    calls: list[tuple[cst.Call, str, str, tuple[str, str] | None]] = field(default_factory=list)


class UnsafeDeserialization(BindingRule):
    """Deserialising data with a format that can execute code while it loads.

    ## What it does
    Reports `pickle`/`cPickle`/`dill`/`cloudpickle`/`joblib` `load(s)`, `pandas.read_pickle`,
    `shelve.open`, `jsonpickle.decode`, `torch.load` without `weights_only=True`, `yaml.load` (and
    ruamel's old `ruamel.yaml.load`) without a safe `Loader` (`SafeLoader`, `CSafeLoader`, `BaseLoader`,
    `RoundTripLoader`, or a class of the module derived from one: `class TupleLoader(yaml.SafeLoader)`, or a name the
    module binds to one: `YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)`; a loader
    class imported from another module of the project, or a factory function returning one, is followed through its
    bases across modules in the project phase, and counts as safe when every base is found and it reaches
    `SafeConstructor` or a safe loader and none of PyYAML's unsafe ones; and the loader already running, `type(loader)`
    or `loader.__class__` in a constructor `(loader, node)` that the module registers on safe loaders only, as an
    `!include` tag loads the file it names),
    `yaml.unsafe_load`, ruamel.yaml's `YAML(typ="unsafe")`, `numpy.load(allow_pickle=True)` and `marshal.load(s)`
    (not code execution by itself, but the module trusts its input: crafted bytes crash the interpreter or hand back
    code objects), unless the data comes from a literal path in the repository (also
    through `with open("model.pkl", "rb") as f`; not a path to a bucket, a server or a shared mount, which others
    write too: `s3://...`, `https://...`, `/mnt/...`, `/dbfs/...`), is what this code just serialised
    (`pickle.loads(pickle.dumps(obj))`, also through an in-memory buffer it made empty: `buffer = io.BytesIO()`,
    then `pickle.loads(buffer.getvalue())`), was checked against a pinned checksum first (`digest =
    hashlib.sha256(path.read_bytes()).hexdigest()`, then `if digest != expected: raise ...` before `joblib.load(path)`),
    or is loaded only for a caller who opted in: after an `if` that tests a
    parameter named like `allow_pickle`, `trust_remote_code` or `allow_dangerous_deserialization` that defaults to
    off (`if not allow_pickle: raise ValueError(...)`). A pickle read in a file that also writes pickles (a cache backend
    or job store reading back what it stored; a shelf it makes new, `shelve.open(path, flag="n")`, is such a store
    and loads nothing itself) is reported at medium severity, not high: the data is the
    program's own unless someone else can write to that store. A pickle of what a request just downloaded
    (`pickle.loads(requests.get(url).content)`, `urlopen(url).read()`, or a function of the module that returns a
    response's body) is no such store and stays high: the server (or the connection) wrote it. A pickle read from
    the process's own standard input is medium too (`pickle.loads(sys.stdin.buffer.read())`: a worker or daemon
    launcher that its parent process hands pickled jobs through a pipe): whoever can start the process can run code in
    it, and that is most often the parent
    alone. `allow_pickle=True` handed to another loader than `numpy.load`, which its name says loads
    (`load_array(data, allow_pickle=True)`, a helper that hands the flag on to `numpy.load`; numpy's `read_array`), is
    reported at the call like `numpy.load` itself. Also a Celery `accept_content` (Django's
    `CELERY_ACCEPT_CONTENT`) that lists `pickle`: its workers unpickle every message the broker hands them. And a Hugging
    Face loader given `trust_remote_code=True` (`AutoModel.from_pretrained(model_id, ...)`, `pipeline(model=...)`,
    `load_dataset(path)`) for a repository the code does not name itself (a variable, not a literal or an `UPPER_CASE`
    constant): it imports and runs the Python files of whatever repository it is handed. Bandit's `B615` (a Hub
    download without a pinned revision) is cleared on `load_dataset("csv", data_files=...)` and the other builders
    shipped inside `datasets` (`json`, `parquet`, `text`, `imagefolder`...): they read the files they are given and
    fetch no repository of the Hub, so there is no revision to pin.
    A call through a name bound only to one of these loaders (`loader = pickle.loads`, `load = yaml.load`, in the
    function or the module) is the loader's call, and so is one bound to a `partial` that fixes keywords, read with
    them (`functools.partial(yaml.load, Loader=yaml.Loader)`, `partial(torch.load, weights_only=True)`).
    A load in a helper (`def load_checkpoint(path): return torch.load(path)`) that a route of the project hands
    client input, an upload, or the path it saved an upload to is reported by VC417 instead, at high severity also
    in a file that writes pickles, with the route and the helpers the data went through.

    ## Why is this bad?
    These formats rebuild arbitrary objects, and rebuilding an object can call any function: loading a
    pickle, a torch checkpoint or an unsafe YAML document from an upload, a cache, a queue or a
    downloaded file gives whoever wrote that data code execution on your machine.

    ## Example
    ```python
    import pickle

    def restore_session(request):
        return pickle.loads(request.cookies["session"].encode("latin-1"))
    ```

    ## Use instead
    ```python
    import json

    def restore_session(request):
        return json.loads(request.cookies["session"])
    ```

    ## Fix safety
    `yaml.load(...)` without a loader or with one of PyYAML's unsafe ones (`Loader=yaml.Loader`,
    `FullLoader`, `UnsafeLoader`), `yaml.unsafe_load(...)` and their `_all` forms become
    `yaml.safe_load(...)`/`yaml.safe_load_all(...)`, called through the module name the file uses. The fix
    is safe: every document made of plain YAML (maps, lists, strings, numbers, dates) loads to the same
    value, and only documents with Python tags (`!!python/object`), the attack itself, stop loading. It
    is unsafe in a file that registers its own tags (`add_constructor`, `add_multi_constructor`,
    `yaml.YAMLObject`), since `safe_load` does not know them. A function imported by name
    (`from yaml import load as read_yaml`) is fixed in its import (`from yaml import safe_load as
    read_yaml`, and `load(...)` calls become `safe_load(...)`) when every use of that name in the file is
    a call the fix rewrites, all in one fix; otherwise, and for a project's own loader class, there is no
    fix. Pickle, torch and numpy have none either (they need another format, not another function).

    ## References
    - [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
    - [Python `pickle`: security warning](https://docs.python.org/3/library/pickle.html)
    - [PyTorch `torch.load` and `weights_only`](https://pytorch.org/docs/stable/generated/torch.load.html)
    - [PyYAML `yaml.load` deprecation](https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
    """

    code = "VC406"
    name = "unsafe-deserialization"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (502,)
    # B615 (a Hugging Face download without a pinned revision) on a `trust_remote_code` load: the code run is the graver
    # problem, and the hint asks for the pinned revision too.
    supersedes = ("B301", "B302", "B506", "B614", "B615")
    vets = ("B301", "B302", "B506", "B614", "B615")
    # Every finding calls a loader of a module the file names: `pickle` (also `cPickle`, `cloudpickle`, `jsonpickle`,
    # `read_pickle`, numpy's `allow_pickle=`), `dill`, `joblib`, `shelve`, `yaml` (PyYAML, ruamel), `torch` or `marshal`,
    # or passes `trust_remote_code` to a Hugging Face loader; `load_dataset` is walked for the builders it vets.
    file_hints = ("pickle", "dill", "joblib", "shelve", "yaml", "torch", "marshal", "trust_remote_code", "load_dataset")
    fixable = True

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """A loader class of another module of the project that derives from a safe one clears the finding."""
        return kind == SAFE_YAML_LOADER and is_safe_project_loader(_class_index(project), module_name(relative), subject)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._named_loaders: dict[str, _NamedLoader] = {}  # by the local name a `from yaml import ...` binds
        self._passes_opt_in = PICKLE_OPT_IN in context.source
        # reported at the end, their severity needs the whole file; with whether the data is this process's stdin, and
        # the call that downloaded it (`requests.get`), if any
        self._pickle_loads: list[tuple[cst.Call, str, bool, str | None]] = []
        self._writes_pickles = False
        self._safe_loaders: frozenset[str] | None = None  # the module's classes that derive from a safe YAML loader
        # per enclosing function: its opt-in parameters (off by default), and whether an `if` has tested one yet
        self._opt_ins: list[tuple[frozenset[str], bool]] = []
        # per enclosing function: the names whose data an `if` checked against a checksum, raising on a mismatch
        self._checksummed: list[set[str]] = []
        # per enclosing function: its loader parameter when it is a YAML constructor `(loader, node)` that the module
        # registers on safe loaders only (an `!include` tag loading the included file with the running loader)
        self._running_loader: list[str | None] = []
        self._safe_constructors: frozenset[str] | None = None
        self._functions: list[cst.FunctionDef] = []  # the enclosing functions, whose aliases a call may go through

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self._functions.append(node)
        self._opt_ins.append((_opt_in_parameters(node.params), False))
        self._checksummed.append(set())
        params = node.params.params
        constructor = len(params) == 2 and params[1].name.value == "node" and node.name.value in self._constructors()
        self._running_loader.append(params[0].name.value if constructor else None)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._functions.pop()
        self._opt_ins.pop()
        self._checksummed.pop()
        self._running_loader.pop()

    def visit_If(self, node: cst.If) -> None:
        """`if not allow_pickle: raise ...` or `if allow_pickle:`: what follows runs only for a caller who opted in.
        `if digest != expected: raise ...` after `digest = hashlib.sha256(path.read_bytes()).hexdigest()`: what
        follows loads `path` only when its checksum matched the one the caller pinned."""
        if self._checksummed and _raises(node.body):
            self._checksummed[-1].update(self._hashed_data(node.test))
        if self._opt_ins and self._opt_ins[-1][0] and not self._opt_ins[-1][1]:
            flags, _ = self._opt_ins[-1]
            tested = any(isinstance(n, cst.Name) and n.value in flags for n in _nodes_of(node.test))
            self._opt_ins[-1] = (flags, tested)

    def _opted_in(self) -> bool:
        return bool(self._opt_ins) and self._opt_ins[-1][1]

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or get_full_name_for_node(node.module) != "yaml":
            return
        for alias in () if isinstance(node.names, cst.ImportStar) else node.names:
            safe = SAFE_YAML_CALLS.get(f"yaml.{get_full_name_for_node(alias.name)}")
            if safe is not None and isinstance(alias.name, cst.Name):
                local = get_full_name_for_node(alias.asname.name) if alias.asname is not None else alias.name.value
                self._named_loaders[local or ""] = _NamedLoader(alias.name, safe)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._check_accepted_content(node.keyword.value, node.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            name = get_full_name_for_node(target.target)
            if name is not None:
                self._check_accepted_content(name.rpartition(".")[2], node.value)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._check_accepted_content(string_value(node.key) or "", node.value)

    def _check_accepted_content(self, setting: str, value: cst.BaseExpression) -> None:
        """`accept_content=["json", "pickle"]`, `CELERY_ACCEPT_CONTENT = [...]`: Celery workers that unpickle messages."""
        if not setting.lower().endswith(ACCEPT_CONTENT_SETTING) or not isinstance(value, (cst.List, cst.Tuple, cst.Set)):
            return
        if any(string_value(element.value) in PICKLE_CONTENT_TYPES for element in value.elements):
            self.report(value, f"`{setting}` lets Celery workers unpickle messages: whoever can publish to the broker "
                        "(or tamper with a result) runs code on every worker.", hint=_HINTS["celery"])

    def visit_Call(self, node: cst.Call) -> None:
        if self._passes_opt_in and not self._opted_in() and self._opts_in_for_a_helper(node):
            return
        aliased, seen = self._aliased(node) if type(node.func) is cst.Name else (None, node)
        if aliased is None and not self.may_call(node, CALLEE_TAILS):
            return
        if self._runs_chosen_remote_code(node):
            return
        if self._loads_packaged_builder(node):
            self.vet(node.func)
            return
        if isinstance(node.func, cst.Attribute) and node.func.attr.value in ("load", "load_all") \
                and self._is_unsafe_ruamel(node.func.value):
            self.report(node, '`YAML(typ="unsafe").load()` builds any Python object a document names: loading data '
                        "you did not write yourself gives its author code execution.", hint=_HINTS["ruamel"])
            return
        qualified = aliased or self.module_name(node)
        if qualified is None:
            return
        if self._opted_in() and qualified not in PICKLE_WRITERS:
            self.vet(node.func)  # bandit's alarm on the same load is the caller's choice too
            return
        if qualified in PICKLE_WRITERS:
            self._writes_pickles = True
        elif qualified == SHELVE_OPEN and string_value(argument(node, 1, "flag")) == NEW_SHELF_FLAG:
            self._writes_pickles = True
            self.vet(node.func)  # bandit's B301 on a shelf that loads nothing
        elif qualified in PICKLE_READERS or qualified == SHELVE_OPEN:
            data = argument(node, 0, "filename" if qualified == SHELVE_OPEN else "file")
            if not self._trusted(node, data):
                self._pickle_loads.append((node, qualified, data is not None and self._reads_stdin(data),
                                           self._downloader(data)))
        elif qualified in ALWAYS_UNSAFE:
            index = ALWAYS_UNSAFE[qualified]
            if not self._trusted(node, argument(node, index, "file")):
                self._report(node, qualified, "can run arbitrary code while it loads", fix=self._yaml_fix(node, qualified))
        elif qualified in YAML_LOADERS:
            loader = argument(seen, 1, "Loader")
            loader_name = (self.qualified_name(loader) or "").rsplit(".", 1)[-1] if loader is not None else ""
            if self._is_safe_local_loader(loader) or loader_name in SAFE_YAML_LOADERS or self._is_running_loader(loader):
                self.vet(node.func)  # bandit knows `SafeLoader` alone, not `BaseLoader` nor a derived class
            elif not self._trusted(node, argument(node, 0, "stream")):
                used = f" with `Loader={loader_name}`" if loader_name else " without a safe `Loader`"
                project_loader = self._project_loader(loader)
                if project_loader is not None:
                    self.vet(node.func)  # the finding below carries the alarm, also when another module clears it
                self._report(node, qualified, f"{used} can build arbitrary Python objects", with_name=False,
                             fix=self._yaml_fix(node, qualified),
                             unless=(SAFE_YAML_LOADER, project_loader) if project_loader is not None else None)
        elif qualified in MARSHAL_READERS:
            if not self._trusted(node, argument(node, 0, "file")):
                self.report(node, f"`{qualified}()` trusts its input: bytes someone else wrote can crash the interpreter "
                            "or hand back code objects, and `marshal` is not meant for data from outside.",
                            hint=_HINTS["marshal"])
        elif qualified == "torch.load":
            weights_only = keyword(seen, "weights_only")
            if (weights_only is None or not is_name(weights_only.value, "True")) and not self._trusted(
                    node, argument(node, 0, "f")):
                self._report(node, qualified, "without `weights_only=True` unpickles arbitrary objects")
        elif qualified in NUMPY_LOADS:
            allow = keyword(seen, "allow_pickle")
            if allow is not None and is_name(self.resolve(allow.value), "True") and not self._is_repo_file(
                    argument(node, 0, "file")):
                self._report(node, qualified, "with `allow_pickle=True` unpickles arbitrary objects")

    def _aliased(self, node: cst.Call) -> tuple[str | None, cst.Call]:
        """The callable a call through a local name is (`loader = pickle.loads; loader(blob)`), by the aliases of the
        scope (`callable_aliases`), and the call whose keywords tell the load: through a `partial` that fixes some
        (`partial(yaml.load, Loader=yaml.Loader)`), the call with them; else the call itself."""
        name = node.func.value  # type: ignore[attr-defined]  # (asked of a call through a name only)
        if self._functions:
            aliases, expansions = (function_aliases(self._functions[-1], self.context),
                                   function_expansions(self._functions[-1], self.context))
        else:
            aliases, expansions = module_aliases(self.context), module_expansions(self.context)
        target = aliases.get(name)
        if target is None:
            return None, node
        if name not in expansions:
            return self.qualified_name(target), node
        fixed = expansions[name][1]
        return (self.qualified_name(target), seen_call(node, expansions)) if fixed else (None, node)

    def _opts_in_for_a_helper(self, node: cst.Call) -> bool:
        """Report `load_array(data, allow_pickle=True)`: a loader other than `numpy.load` (a helper that hands the flag
        on to it, `numpy.lib.format.read_array`) that its name says loads, asked to unpickle data that is no file of
        the repository."""
        allow = keyword(node, PICKLE_OPT_IN)
        if allow is None or not is_name(self.resolve(allow.value), "True") \
                or self.module_name(node) in NUMPY_LOADS:
            return False
        callee = callee_tail(node) or ""
        if not LOADING_WORDS.intersection(name_words(callee)):
            return False
        data = [arg.value for arg in node.args if arg.keyword is None and not arg.star][:1]
        if not data or self._trusted(node, data[0]):
            return True
        self.report(node, f"`{callee}()` is asked to unpickle (`{PICKLE_OPT_IN}=True`), so it can run arbitrary code "
                    "while it loads: loading data you did not write yourself gives its author code execution.",
                    hint=_HINTS["numpy"])
        return True

    def _runs_chosen_remote_code(self, node: cst.Call) -> bool:
        """Report a Hugging Face loader given `trust_remote_code=True` and a repository that the code does not name
        itself (a variable, not a literal or an UPPER_CASE constant): whoever chooses or publishes it runs code here."""
        spec = REMOTE_CODE_LOADERS.get(callee_tail(node) or "")
        trusting = keyword(node, REMOTE_CODE) if spec is not None else None
        if spec is None or trusting is None or not is_name(trusting.value, "True"):
            return False
        repository = argument(node, *spec)
        if repository is None or isinstance(repository, STRING_NODES) \
                or CONSTANT_NAME.match((self.dotted(repository) or "").rpartition(".")[2]):
            return False
        self.report(node, f"`{callee_tail(node)}()` with `trust_remote_code=True` runs the Python files of a repository "
                    "chosen at run time: whoever picks or publishes that repository runs code here.",
                    hint=_HINTS["remote-code"])
        return True

    def _loads_packaged_builder(self, node: cst.Call) -> bool:
        """`load_dataset("csv", data_files=path)`: a builder of the installed `datasets` package, which fetches no
        repository of the Hub (bandit's B615 asks for a pinned revision of one)."""
        return self.module_name(node) in DATASET_LOADERS and string_value(argument(node, 0, "path")) in PACKAGED_BUILDERS

    def _is_safe_local_loader(self, loader: cst.BaseExpression | None) -> bool:
        """`Loader=TupleLoader` where the module defines `class TupleLoader(yaml.SafeLoader)` (also through another of
        its classes): a safe loader with a few more plain-data tags."""
        if not isinstance(loader, cst.Name):
            return False
        if self._safe_loaders is None:
            tree = self.context.python_ast()
            self._safe_loaders = _safe_loader_classes(tree) if tree is not None else frozenset()
        return loader.value in self._safe_loaders

    def _constructors(self) -> frozenset[str]:
        """The module's functions registered as YAML constructors on its safe loaders only
        (`_Loader.add_constructor("!include", _include)` with `class _Loader(yaml.SafeLoader)`)."""
        if self._safe_constructors is None:
            tree = self.context.python_ast()
            if self._safe_loaders is None:
                self._safe_loaders = _safe_loader_classes(tree) if tree is not None else frozenset()
            self._safe_constructors = _safe_constructors(tree, self._safe_loaders) if tree is not None else frozenset()
        return self._safe_constructors

    def _is_running_loader(self, loader: cst.BaseExpression | None) -> bool:
        """`Loader=type(loader)` (or `loader.__class__`) inside such a constructor: the included file is loaded by the
        safe loader already running, not by a new choice."""
        name = self._running_loader[-1] if self._running_loader else None
        if name is None or loader is None:
            return False
        if type(loader) is cst.Call and type(loader.func) is cst.Name and loader.func.value == "type" \
                and len(loader.args) == 1:
            loader = loader.args[0].value
        elif type(loader) is cst.Attribute and loader.attr.value == "__class__":
            loader = loader.value
        else:
            return False
        return type(loader) is cst.Name and loader.value == name

    def _project_loader(self, loader: cst.BaseExpression | None) -> str | None:
        """A loader class another module of the project may define as a safe one (`Loader=AppLoader` imported from
        `app.yaml_support`, or a class of this module derived from such a class): its name for the project phase
        (`vibecheck.conditional_findings`), which follows its bases across modules; None for PyYAML's own loaders and
        for what names no class (a parameter, an attribute of an object)."""
        if not isinstance(loader, (cst.Name, cst.Attribute)):
            return None
        spelled = get_full_name_for_node(loader) or ""
        head = spelled.partition(".")[0]
        if head in self.context.imports.aliases:
            qualified = self.qualified_name(loader) or ""
            return None if qualified.partition(".")[0] in YAML_LIBRARIES else qualified
        tree = self.context.python_ast() if isinstance(loader, cst.Name) else None
        defined = tree is not None and any(isinstance(s, ast.ClassDef) and s.name == spelled for s in tree.body)
        return f"@{spelled}" if defined else None

    def _is_unsafe_ruamel(self, receiver: cst.BaseExpression) -> bool:
        """`YAML(typ="unsafe")`, directly or through the name it was assigned to in this function or module."""
        value = self.resolve(receiver)
        if not isinstance(value, cst.Call) or self.module_name(value) not in RUAMEL_YAML:
            return False
        kind = keyword(value, "typ")
        if kind is None:
            return False
        items = kind.value.elements if isinstance(kind.value, (cst.List, cst.Tuple)) else [kind]
        return any(string_value(item.value) in UNSAFE_RUAMEL_TYPES for item in items)

    def _report(self, node: cst.Call, qualified: str, problem: str, *, with_name: bool = True,
                fix: NodeFix | None = None, unless: tuple[str, str] | None = None) -> None:
        message = f"`{qualified}()` {problem}" if with_name else f"`{qualified}()`{problem}"
        named = self._named_loaders.get(node.func.value) if isinstance(node.func, cst.Name) else None
        if named is not None and qualified in SAFE_YAML_CALLS:
            named.calls.append((node, qualified, message, unless))  # its fix needs every call of the name: at the end
            return
        self.report(node, f"{message}: loading data you did not write yourself gives its author code execution.",
                    hint=_HINTS.get(qualified.split(".")[0], _HINTS["pickle"]), fix=fix, unless=unless)

    def leave_Module(self, node: cst.Module) -> None:
        self._report_pickle_loads()
        for local, named in self._named_loaders.items():
            fix = self._named_loader_fix(local, named) if named.calls else None
            for call, _qualified, message, unless in named.calls:
                self.report(call, f"{message}: loading data you did not write yourself gives its author code execution.",
                            hint=_HINTS["yaml"], fix=fix, unless=unless)

    def _report_pickle_loads(self) -> None:
        """Pickle loads, rated by where the data can come from.

        A file that also writes pickles is most likely reading back a store it fills itself (a cache backend, a
        job queue): an attacker needs write access to that store first, so the finding is medium, not high.
        """
        for call, qualified, from_stdin, downloader in self._pickle_loads:
            if downloader is not None:
                self.report(call, f"`{qualified}()` can run arbitrary code while it loads, and it loads what "
                            f"`{downloader}` downloads, so whoever controls that server (or the connection) runs code "
                            "here.", hint=_HINTS["pickle-download"])
            elif from_stdin:
                self.report(call, f"`{qualified}()` can run arbitrary code while it loads, and it reads this process's "
                            "standard input, so whoever starts the process with a pipe of their own can run code here.",
                            hint=_HINTS["pickle-stdin"], severity=Severity.MEDIUM)
            elif self._writes_pickles:
                self.report(call, f"`{qualified}()` can run arbitrary code while it loads, so whoever can write to the "
                            "store this file pickles into (a cache server, a shared folder) can run code here.",
                            hint=_HINTS["pickle-store"], severity=Severity.MEDIUM)
            else:
                self._report(call, qualified, "can run arbitrary code while it loads")

    def _downloader(self, data: cst.BaseExpression | None) -> str | None:
        """The call that downloaded the data (`requests.get`, a function of the module returning a response's body):
        no store of the file's own, whatever else it pickles."""
        if data is None or "content" not in self.context.source and "read" not in self.context.source:
            return None
        return downloaded_by(data, self.resolve, self.qualified_name, self.context.module,
                             self.context.imports.imports_any(HTTP_LIBRARIES))

    def _reads_stdin(self, data: cst.BaseExpression) -> bool:
        """`sys.stdin.buffer.read()`, `sys.stdin.buffer`, `stdin.read()` after `from sys import stdin`: the pipe of the
        process that started this one (a worker its parent hands pickled jobs), not a file or a socket."""
        node = self.resolve(data)
        while isinstance(node, cst.Call):
            node = node.func
        return (self.qualified_name(node) or "").startswith("sys.stdin")

    def _named_loader_fix(self, local: str, named: _NamedLoader) -> NodeFix | None:
        """One fix for all the calls of `load` imported by name: the import names `safe_load`, every call drops
        PyYAML's loader; None unless those calls are every use of the name."""
        tree = self.context.python_ast()
        if tree is None or times_bound(self.context, local) != 1:
            return None
        uses = sum(1 for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == local)
        if uses != len(named.calls):
            return None
        replacements: list[tuple[cst.CSTNode, cst.CSTNode]] = [(named.imported, cst.Name(named.safe))]
        for call, qualified, _, _ in named.calls:
            rewritten = self._without_pyyaml_loader(call, qualified)
            if rewritten is None:
                return None
            if local == named.imported.value:  # no alias: the calls use the new name
                rewritten = rewritten.with_changes(func=cst.Name(named.safe))
            replacements.append((call, rewritten))
        custom_tags = any(word in self.context.source for word in CUSTOM_TAG_WORDS)
        return NodeFix(f"Import and call `{named.safe}`", tuple(replacements), safe=not custom_tags)

    def _without_pyyaml_loader(self, node: cst.Call, qualified: str) -> cst.Call | None:
        """The call without its `Loader` argument when that is one of PyYAML's; None for any other loader."""
        loader = (keyword(node, "Loader") or positional(node, 1)) if qualified in YAML_LOADERS else None
        if loader is not None and self.qualified_name(loader.value) not in PYYAML_LOADERS:
            return None
        return without_argument(node, loader) if loader is not None else node

    def _yaml_fix(self, node: cst.Call, qualified: str) -> NodeFix | None:
        """`yaml.load(s, Loader=yaml.Loader)` -> `yaml.safe_load(s)`, through the module name the file uses.

        Only a call through the module (`yaml.load`, `y.load`) with no loader or one of PyYAML's: a bare
        `load` would need a new import, and a project's own loader class may define tags `safe_load` lacks.
        """
        replacement = SAFE_YAML_CALLS.get(qualified)
        if replacement is None or not isinstance(node.func, cst.Attribute):
            return None
        fixed = self._without_pyyaml_loader(node, qualified)
        if fixed is None:
            return None
        fixed = fixed.with_changes(func=node.func.with_changes(attr=cst.Name(replacement)))
        custom_tags = any(word in self.context.source for word in CUSTOM_TAG_WORDS)
        return NodeFix(f"Use `{replacement}`", ((node, fixed),), safe=not custom_tags)

    def _hashed_data(self, test: cst.BaseExpression) -> set[str]:
        """The names whose data a test compares by checksum: `path` in `digest != sha256` (with `digest =
        hashlib.sha256(path.read_bytes()).hexdigest()`) or in `not hmac.compare_digest(hashlib.sha256(data).digest(),
        pinned)`."""
        operands: list[cst.BaseExpression] = []
        for node in _nodes_of(test):
            if isinstance(node, cst.Comparison):
                operands += [node.left, *(target.comparator for target in node.comparisons)]
            elif isinstance(node, cst.Call) and self.qualified_name(node) == "hmac.compare_digest":
                operands += [arg.value for arg in node.args]
        names: set[str] = set()
        for operand in operands:
            digest = self.resolve(operand)
            if isinstance(digest, cst.Call) and isinstance(digest.func, cst.Attribute) \
                    and digest.func.attr.value in ("digest", "hexdigest") and isinstance(digest.func.value, cst.Call) \
                    and (self.qualified_name(digest.func.value) or "").startswith("hashlib."):
                names.update(filter(None, (head_name(arg.value) for arg in digest.func.value.args)))
        return names

    def _trusted(self, call: cst.Call, data: cst.BaseExpression | None) -> bool:
        """`_is_repo_file`, or data whose checksum an `if` checked (raising on a mismatch) before this load; when so,
        bandit's alarm on the same load (B301, B506, B614) is cleared too: its callee is vetted, where bandit reports,
        so a load nested in its argument keeps its own finding."""
        checked = data is not None and bool(self._checksummed) and head_name(data) in self._checksummed[-1]
        if not (checked or self._is_repo_file(data)):
            return False
        self.vet(call.func)
        return True

    def _names_module(self, node: cst.BaseExpression) -> bool:
        """`gzip`, `os.path`: an expression that starts at an imported module's name, not at a path object."""
        head = get_full_name_for_node(node) or ""
        return head.partition(".")[0] in self.context.imports.aliases

    def _is_repo_file(self, data: cst.BaseExpression | None, depth: int = 4) -> bool:
        """The data is a literal path, or read from one (`open("m.pkl", "rb")`, `Path("m.pkl").read_bytes()`)."""
        if data is None or depth == 0:
            return False
        data = self.resolve(data)
        if isinstance(data, STRING_NODES):
            return not SHARED_STORAGE.match(string_value(data) or "")
        if isinstance(data, cst.BinaryOperation) and isinstance(data.operator, cst.Divide):
            return self._is_repo_file(data.left, depth - 1) and self._is_repo_file(data.right, depth - 1)
        if isinstance(data, cst.Call):
            callee = self.qualified_name(data) or ""
            if callee in SERIALIZERS:
                return True  # a round trip of an object this code just serialised
            if callee in MEMORY_BUFFERS:
                return not data.args  # an empty buffer: a round trip through memory, as above
            func = data.func
            if isinstance(func, cst.Attribute) and func.attr.value == "open" and not self._names_module(func.value):
                return self._is_repo_file(func.value, depth - 1)  # `state_file.open("rb")`: the path is the object
            paths = [arg.value for arg in data.args if arg.keyword is None and not arg.star]
            if callee in OPENERS or callee.endswith((".Path", ".open")):
                paths = paths[:1]
            if callee in OPENERS or callee in JOINERS or callee.endswith((".Path", ".open")):
                return bool(paths) and all(self._is_repo_file(p, depth - 1) for p in paths)
            if isinstance(data.func, cst.Attribute) and data.func.attr.value in PATH_READERS:
                return self._is_repo_file(data.func.value, depth - 1)
        return _is_module_dir(data)


def _raises(body: cst.BaseSuite) -> bool:
    """A block that ends in `raise` (`if digest != expected: raise ValueError(...)`)."""
    statements = body.body if isinstance(body, cst.IndentedBlock) else (body,)
    last = statements[-1] if statements else None
    small = last.body[-1] if isinstance(last, (cst.SimpleStatementLine, cst.SimpleStatementSuite)) and last.body else None
    return isinstance(small, cst.Raise)


def _opt_in_parameters(params: cst.Parameters) -> frozenset[str]:
    """Parameters named like a caller's consent to an unsafe load (`allow_pickle`) that default to off."""
    return frozenset(
        param.name.value for param in (*params.posonly_params, *params.params, *params.kwonly_params)
        if param.default is not None and (is_name(param.default, "False") or is_name(param.default, "None"))
        and OPT_IN_WORDS.intersection(param.name.value.lower().split("_")))


def _nodes_of(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The nodes of an `if` test (a few: `not allow_pickle`, `allow_pickle is not True`)."""
    found, pending = [], [node]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(current.children)
    return found


def _safe_loader_classes(tree: ast.Module) -> frozenset[str]:
    """The module's classes that derive, directly or through one another, from a safe PyYAML loader: also one a
    function defines for its own loads (`class NoDatesSafeLoader(yaml.SafeLoader)` inside it), and a name bound to one
    of them (`YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)`: the C loader where it is built)."""
    safe: set[str] = set()
    for statement in ast.walk(tree):
        if isinstance(statement, ast.ClassDef) and any(_is_safe_loader(base, safe) for base in statement.bases):
            safe.add(statement.name)
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name) and _is_safe_loader(statement.value, safe):
            safe.add(statement.targets[0].id)
    return frozenset(safe)


def _is_safe_loader(node: ast.expr, safe: set[str]) -> bool:
    """`yaml.SafeLoader`, a safe class of the module, or a choice between them: `getattr(yaml, "CSafeLoader",
    yaml.SafeLoader)`, `yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
            and len(node.args) == 3 and isinstance(node.args[1], ast.Constant):
        return node.args[1].value in SAFE_YAML_LOADERS | safe and _is_safe_loader(node.args[2], safe)
    if isinstance(node, ast.IfExp):
        return _is_safe_loader(node.body, safe) and _is_safe_loader(node.orelse, safe)
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name in SAFE_YAML_LOADERS | safe


def _safe_constructors(tree: ast.Module, safe_loaders: frozenset[str]) -> frozenset[str]:
    """The names of the functions the module passes to `add_constructor`/`add_multi_constructor` of its safe loader
    classes, and to no other loader's."""
    registered: dict[str, bool] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("add_constructor", "add_multi_constructor") and len(node.args) == 2 \
                and isinstance(node.args[1], ast.Name):
            receiver = node.func.value
            name = receiver.id if isinstance(receiver, ast.Name) else receiver.attr if isinstance(receiver, ast.Attribute) \
                else ""
            safe = name in safe_loaders or name in SAFE_YAML_LOADERS
            registered[node.args[1].id] = registered.get(node.args[1].id, True) and safe
    return frozenset(name for name, safe in registered.items() if safe)


def _is_module_dir(node: cst.BaseExpression) -> bool:
    """`__file__`, `Path(__file__).parent` and the like: a file shipped beside the code."""
    while isinstance(node, (cst.Attribute, cst.Call)):
        node = node.value if isinstance(node, cst.Attribute) else (node.args[0].value if node.args else node.func)
    return isinstance(node, cst.Name) and node.value == "__file__"


_HINTS = {
    "pickle": "Load data from untrusted sources with a data-only format such as `json`; keep pickles for files you wrote.",
    "pickle-stdin": "Start this process only from your own code, or send it `json`; sign the pickle (`hmac`) if others "
                    "can start it.",
    "pickle-download": "Download data in a data-only format such as `json`, or sign what you publish (`hmac`) and check "
                       "the signature before loading.",
    "pickle-store": "Keep the store private to this application, or sign what you store (`hmac`) and check it before "
                    "loading.",
    "yaml": "Use `yaml.safe_load(...)` (or pass `Loader=yaml.SafeLoader`).",
    "ruamel": 'Load with `YAML(typ="safe")` (or the default round-trip `YAML()`), which builds only plain data.',
    "torch": "Pass `weights_only=True` to `torch.load`, or load the weights with `safetensors`.",
    "remote-code": "Load only repositories from a fixed allow-list, pinned to a reviewed `revision=` commit, or drop "
                   "`trust_remote_code=True`.",
    "numpy": "Drop `allow_pickle=True`, or save the arrays without object dtype so they load without pickle.",
    "celery": "Accept only `json` (Celery's default) and pass tasks JSON-serialisable arguments, such as ids.",
    "marshal": "Exchange data from outside as `json`; keep `marshal` for the interpreter's own files.",
    "pandas": "Store the frame as Parquet or CSV and read it with `pandas.read_parquet`/`read_csv`.",
}
