"""Which YAML loader classes build only plain data: PyYAML's and ruamel.yaml's own, and a project's class derived from
them, also through bases in other modules (`vibecheck.analysis.class_bases`). Shared by VC406's walk and the project
phase that decides on the loaders the walk could not see (no libcst here)."""

from __future__ import annotations

from vibecheck.analysis.class_bases import ClassIndex

YAML_LIBRARIES = frozenset({"yaml", "ruamel"})
# Loaders and constructors that build only plain data (maps, lists, strings, numbers, dates).
# The kind of a VC406 finding that waits for the project's classes (`Rule.report(unless=...)`): its loader, a class of
# the project, may derive from a safe one in another module.
SAFE_YAML_LOADER = "safe-yaml-loader"
SAFE_YAML_LOADERS = frozenset({"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader", "RoundTripLoader"})
SAFE_YAML_CONSTRUCTORS = frozenset({"SafeConstructor", "BaseConstructor", "RoundTripConstructor"})
# Those that build any Python object a document names (`!!python/object/apply:os.system`).
UNSAFE_YAML_CLASSES = frozenset({"Loader", "FullLoader", "UnsafeLoader", "CLoader", "CFullLoader", "CUnsafeLoader",
                                 "Constructor", "FullConstructor", "UnsafeConstructor"})
# Libraries whose classes a safe loader may also derive from without adding constructors: the metaclass helpers and
# generics of the standard library, and the builtins (`object`).
HARMLESS_ROOTS = frozenset({"abc", "typing", "builtins"})


def is_safe_project_loader(index: ClassIndex, module: str, loader: str) -> bool:
    """Whether `loader`, as module `module` names it (`@AppLoader`, `pkg.loaders.AppLoader`), is a class of the project
    (or a factory of one) that derives from a safe PyYAML or ruamel.yaml loader or constructor, through any number of
    modules, and from no unsafe one. Every base must be found and come from the YAML library or the standard
    library's `abc`/`typing`: a base from elsewhere may add constructors this cannot see."""
    ancestry = index.ancestry(loader, module, outside_roots=YAML_LIBRARIES)
    if ancestry is None or not ancestry.complete:
        return False
    roots = {name.partition(".")[0] for name in ancestry.outside}
    if not roots <= YAML_LIBRARIES | HARMLESS_ROOTS:
        return False
    library = {name.rpartition(".")[2] for name in ancestry.outside if name.partition(".")[0] in YAML_LIBRARIES}
    return bool(library & (SAFE_YAML_LOADERS | SAFE_YAML_CONSTRUCTORS)) and not library & UNSAFE_YAML_CLASSES
