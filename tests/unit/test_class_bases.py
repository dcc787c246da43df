"""Class bases followed across modules from the source facts (`vibecheck.analysis.class_bases`)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vibecheck.analysis.class_bases import ClassIndex
from vibecheck.analysis.yaml_loaders import is_safe_project_loader
from vibecheck.facts import DEFINITIONS, source_facts
from vibecheck.model import FileResult
from vibecheck.project import Project


def index_of(sources: dict[str, str]) -> ClassIndex:
    project = Project(root=Path("."))
    for path, text in sources.items():
        project.files[path] = FileResult(path, facts=source_facts(textwrap.dedent(text)))
    return ClassIndex(project)


MODULES = {
    "pkg/__init__.py": "from .loaders import Loader as PublicLoader\n",
    "pkg/base.py": """
        import yaml

        class Root(yaml.SafeLoader, object):
            pass
        """,
    "pkg/loaders.py": """
        from yaml import *
        from .base import Root

        class Loader(Root):
            pass

        class Starred(Root, Unknown):
            pass

        def make_loader(stream):
            '''A factory.'''
            return Loader(stream)

        def not_a_factory(stream):
            loader = Loader(stream)
            return loader
        """,
}


def test_a_function_that_only_returns_a_call_is_recorded_as_a_factory() -> None:
    definitions = {d["qualname"]: d for d in source_facts(textwrap.dedent(MODULES["pkg/loaders.py"]))[DEFINITIONS]}
    assert definitions["make_loader"]["returns_call"] == "Loader"
    assert "returns_call" not in definitions["not_a_factory"]
    assert "returns_call" not in definitions["Loader"]


def test_bases_are_followed_through_relative_imports_re_exports_and_factories() -> None:
    index = index_of(MODULES)
    for name, module in (("pkg.loaders.make_loader", "app"), ("pkg.PublicLoader", "app"), ("@Loader", "pkg.loaders")):
        ancestry = index.ancestry(name, module, outside_roots=("yaml",))
        assert ancestry is not None and ancestry.complete, name
        assert ancestry.outside == {"yaml.SafeLoader", "builtins.object"}, name


def test_a_base_that_nothing_binds_leaves_the_ancestry_incomplete() -> None:
    ancestry = index_of(MODULES).ancestry("@Starred", "pkg.loaders", outside_roots=("yaml",))
    assert ancestry is not None and not ancestry.complete


def test_names_that_are_no_class_of_the_project_have_no_ancestry() -> None:
    index = index_of(MODULES)
    assert index.ancestry("pkg.loaders.not_a_factory", "app") is None
    assert index.ancestry("yaml.SafeLoader", "app", outside_roots=("yaml",)) is None
    assert index.ancestry("other.Loader", "app") is None


def test_a_project_loader_is_safe_only_through_safe_library_classes_alone() -> None:
    index = index_of({**MODULES, "pkg/risky.py": """
        from yaml.constructor import FullConstructor
        from .base import Root

        class Mixed(Root, FullConstructor):
            pass
        """})
    assert is_safe_project_loader(index, "app", "pkg.loaders.make_loader")
    assert not is_safe_project_loader(index, "app", "pkg.risky.Mixed")
    assert not is_safe_project_loader(index, "pkg.loaders", "@Starred")
