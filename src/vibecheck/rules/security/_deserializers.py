"""Loaders that run code while they rebuild objects, as sinks of a flow (VC413's summaries, joined by VC417).

VC406 reports each such load in the function that makes it, unless the data is the program's own (a literal path, a
round trip, a pinned checksum). A helper that loads what its caller hands it (`load_model(path)`, `restore(blob)`) is
reported there too, but it cannot say who the caller is: a summary of the helper's parameter reaching the load lets
the project phase name the request or upload that reaches it, and report the load even where VC406 rates it lower (a
cache module that also writes pickles) or where the helper's finding was silenced as loading the program's own files.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import FlowState, call_argument

ArgumentSpec = tuple[int | None, str | None]
# Modules with pickle's own interface (`load`, `loads`, `Unpickler` and their writers); VC406 shares these tables.
PICKLE_MODULES = ("pickle", "cPickle", "_pickle", "dill", "cloudpickle")
# joblib pickles too, through one reader and one writer of its own.
PICKLE_READERS = frozenset({*(f"{module}.{function}" for module in PICKLE_MODULES
                              for function in ("load", "loads", "Unpickler")), "joblib.load"})
PICKLE_WRITERS = frozenset({*(f"{module}.{function}" for module in PICKLE_MODULES
                              for function in ("dump", "dumps", "Pickler")), "joblib.dump"})
# qualified name -> where the call takes the data (or the path or file it reads it from)
ALWAYS_UNSAFE: dict[str, ArgumentSpec] = {
    **{f"{module}.{function}": (0, "file") for module in PICKLE_MODULES for function in ("load", "Unpickler")},
    **{f"{module}.loads": (0, "data") for module in PICKLE_MODULES},
    "joblib.load": (0, "filename"), "pandas.read_pickle": (0, "filepath_or_buffer"), "jsonpickle.decode": (0, "string"),
    "yaml.unsafe_load": (0, "stream"), "yaml.unsafe_load_all": (0, "stream"),
}
TORCH_LOAD, NUMPY_LOAD = "torch.load", "numpy.load"
# What a file that may load such data names (each a name in it): a module without one has no such sink.
NAMES = frozenset({*PICKLE_MODULES, "joblib", "read_pickle", "jsonpickle", "unsafe_load", "unsafe_load_all", "torch",
                   "allow_pickle"})
HINTS = {
    "torch": "Pass `weights_only=True` to `torch.load`, or load the weights with `safetensors`.",
    "numpy": "Drop `allow_pickle=True`, or save the arrays without object dtype so they load without pickle.",
    "yaml": "Use `yaml.safe_load(...)`.",
    "pandas": "Store the frame as Parquet or CSV and read it with `pandas.read_parquet`/`read_csv`.",
}
DEFAULT_HINT = "Accept data from outside in a data-only format such as `json`; keep pickles for files you wrote."


def deserialized_data(call: cst.Call, state: FlowState) -> cst.BaseExpression | None:
    """The data (or its path, or an open file) that `call` rebuilds objects from, running code as it does: a pickle
    load, `joblib.load`, `torch.load` without `weights_only=True`, `numpy.load` with `allow_pickle=True`; else None."""
    name = state.qualified_name(call) or ""
    spec = ALWAYS_UNSAFE.get(name)
    if spec is not None:
        return call_argument(call, *spec)
    if name == TORCH_LOAD:
        weights_only = call_argument(call, None, "weights_only")
        return None if _is_true(weights_only) else call_argument(call, 0, "f")
    if name == NUMPY_LOAD:
        return call_argument(call, 0, "file") if _is_true(call_argument(call, None, "allow_pickle")) else None
    return None


def hint_for(callee: str) -> str:
    """What to do instead of the load `callee` (`torch.load`, `pickle.loads`)."""
    return HINTS.get(callee.partition(".")[0], DEFAULT_HINT)


def _is_true(node: cst.BaseExpression | None) -> bool:
    return type(node) is cst.Name and node.value == "True"


def is_deserializer(callee: str) -> bool:
    """Whether `callee` (a qualified name) is one of the loaders `deserialized_data` knows."""
    return callee in ALWAYS_UNSAFE or callee in (TORCH_LOAD, NUMPY_LOAD)
