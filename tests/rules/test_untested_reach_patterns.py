"""VC301/VC302 static reach through the ways mature projects test code without importing it by name: a method
family called on an object from an API, a package run by importing its submodules, dispatch through a formatted
name, a library base class's internal protocol."""

from __future__ import annotations

from pathlib import Path

from tests.rules.test_untested_code import write_project
from vibecheck.model import Finding
from vibecheck.rules.verification.module_without_tests import ModuleWithoutTests
from vibecheck.rules.verification.no_tests import NoTests
from vibecheck.rules.verification.untested_public_function import UntestedPublicFunction
from vibecheck.testing import project_findings

PROJECT_RULES = [UntestedPublicFunction, ModuleWithoutTests, NoTests]


def reported(findings: list[Finding], code: str) -> list[str]:
    return sorted(f.message.split("`")[1] for f in findings if f.code == code)


def test_a_method_family_called_on_an_object_from_an_api(tmp_path: Path) -> None:
    """`connection.ops.geometry_columns()`: the test never imports a backend, but the long compound name belongs to
    one base method and its overrides, so it calls one of them; the class that method returns (imported in its body) is
    handed to the test (`table_name_col`). A long name that two unrelated classes define says nothing about which one
    a test calls."""
    files = {
        "pyproject.toml": '[project]\nname = "geo"\n',
        "src/geo/__init__.py": "",
        "src/geo/db.py": """
            import importlib

            def load(path):
                return importlib.import_module(path).Operations()

            connection_ops = load("geo.backends.postgis")
        """,
        "src/geo/backends/__init__.py": "",
        "src/geo/backends/base.py": """
            class BaseOperations:
                def geometry_columns(self):
                    raise NotImplementedError
        """,
        "src/geo/backends/models.py": """
            class PostGISColumns:
                @classmethod
                def table_name_col(cls):
                    return "f_table_name"

                @classmethod
                def geom_col_name(cls):
                    return "f_geometry_column"
        """,
        "src/geo/backends/postgis.py": """
            from geo.backends.base import BaseOperations

            class Operations(BaseOperations):
                def geometry_columns(self):
                    from geo.backends.models import PostGISColumns

                    return PostGISColumns

                def spatial_version(self):
                    return "3.4"
        """,
        "src/geo/render.py": """
            class Exporter:
                def render_summary(self):
                    return "exported"

            class Printer:
                def render_summary(self):
                    return "printed"
        """,
        "tests/test_ops.py": """
            from geo.db import connection_ops

            def test_geometry_columns():
                columns = connection_ops.geometry_columns()
                assert columns.table_name_col() == "f_table_name"

            def test_summary(thing):
                assert thing.render_summary()
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == [
        "geo.backends.models.PostGISColumns.geom_col_name",  # handed to the test, which never calls it
        "geo.backends.postgis.Operations.spatial_version",
    ]
    assert reported(findings, "VC302") == ["geo.render"]  # `render_summary` is two classes' name: neither is reached


def test_importing_a_submodule_runs_its_packages(tmp_path: Path) -> None:
    """`from signing.signer import Signer` runs `signing/__init__.py` first: the package is imported, so its untested
    public function is VC301's to report, not a module no test imports; a package no test imports anything of is."""
    files = {
        "pyproject.toml": '[project]\nname = "signing"\n',
        "src/signing/__init__.py": """
            from .signer import Signer

            def __getattr__(name):
                raise AttributeError(name)

            def default_signer():
                return Signer("default")
        """,
        "src/signing/signer.py": """
            class Signer:
                def __init__(self, key):
                    self.key = key

                def sign(self, value):
                    return f"{value}.{self.key}"
        """,
        "src/extras/__init__.py": """
            def unused_extra():
                return 1
        """,
        "tests/test_signer.py": """
            from signing.signer import Signer

            def test_sign():
                assert Signer("k").sign("v") == "v.k"
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC302") == ["extras"]
    assert reported(findings, "VC301") == ["signing.default_signer"]


def test_methods_dispatched_through_a_formatted_private_prefix(tmp_path: Path) -> None:
    """`func_name = "_process_{cls}".format(cls=type(node).__name__)`, then `getattr(self, func_name.lower())`: the
    reached filter runs its `_process_*` methods, so what they call (`Case.get_cases`) is reached; a method nothing
    dispatches to or calls (`Case.is_simple`) is not, nor a `_process_*` method's callee in a class nothing reaches."""
    files = {
        "pyproject.toml": '[project]\nname = "sqlfmt"\n',
        "src/sqlfmt/__init__.py": "",
        "src/sqlfmt/nodes.py": """
            class Case:
                def get_cases(self):
                    return [("a", 1)]

                def is_simple(self):
                    return True

                def get_branches(self):
                    return []
        """,
        "src/sqlfmt/reindent.py": """
            class ReindentFilter:
                def process(self, node):
                    func_name = "_process_{cls}".format(cls=type(node).__name__)
                    func = getattr(self, func_name.lower(), self._process_default)
                    return func(node)

                def _process_case(self, node):
                    return node.get_cases()

                def _process_default(self, node):
                    return node
        """,
        "src/sqlfmt/aligned.py": """
            class AlignedFilter:
                def run(self, node):
                    return self._process_case(node)

                def _process_case(self, node):
                    return node.get_branches()
        """,
        "tests/test_reindent.py": """
            from sqlfmt.nodes import Case
            from sqlfmt.reindent import ReindentFilter

            def test_process():
                assert ReindentFilter().process(Case()) == [("a", 1)]
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["sqlfmt.nodes.Case.get_branches", "sqlfmt.nodes.Case.is_simple"]
    assert reported(findings, "VC302") == ["sqlfmt.aligned"]


def test_the_parsing_steps_html_parser_calls_on_itself(tmp_path: Path) -> None:
    """A parser derived from a private copy of `html.parser.HTMLParser` (its base is no import): the standard parser's
    `goahead` calls `parse_pi` and `unknown_decl` on itself, so the overrides run with the parser; another method
    of the class does not."""
    files = {
        "pyproject.toml": '[project]\nname = "mdown"\n',
        "src/mdown/__init__.py": "",
        "src/mdown/extract.py": """
            import importlib.util

            spec = importlib.util.find_spec("html.parser")
            htmlparser = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(htmlparser)

            class Extractor(htmlparser.HTMLParser):
                def handle_data(self, data):
                    self.found.append(data)

                def parse_pi(self, i):
                    return i

                def unknown_decl(self, data):
                    self.found.append(data)

                def summary(self):
                    return len(self.found)
        """,
        "tests/test_extract.py": """
            from mdown.extract import Extractor

            def test_extract():
                parser = Extractor()
                parser.found = []
                parser.feed("<p>hi</p>")
                assert parser.found == ["hi"]
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["mdown.extract.Extractor.summary"]


def test_a_module_a_test_runs_as_a_script(tmp_path: Path) -> None:
    """`subprocess.run([sys.executable, "-m", "jsontool.pretty"])`, `runpy.run_module(...)` or a shell command line
    with `-m` runs the module's `if __name__ == "__main__":` block, so what it calls is reached; the block of a module
    the tests only import does not run, and one no test runs or imports stays a module without tests."""
    files = {
        "pyproject.toml": '[project]\nname = "jsontool"\n',
        "src/jsontool/__init__.py": "",
        "src/jsontool/pretty.py": """
            import sys

            def main():
                sys.stdout.write("{}")

            if __name__ == "__main__":
                main()
        """,
        "src/jsontool/compact.py": """
            def main():
                return 0

            if __name__ == "__main__":
                main()
        """,
        "src/jsontool/lines.py": """
            def main():
                return 0

            if __name__ == "__main__":
                main()
        """,
        "src/jsontool/imported.py": """
            def main():
                return 0

            def width():
                return 80

            if __name__ == "__main__":
                main()
        """,
        "src/jsontool/unused.py": """
            def main():
                return 0

            if __name__ == "__main__":
                main()
        """,
        "tests/test_cli.py": """
            import runpy
            import subprocess
            import sys

            from jsontool.imported import width

            def test_pretty():
                out = subprocess.run([sys.executable, "-m", "jsontool.pretty"], capture_output=True, check=True)
                assert out.stdout == b"{}"

            def test_compact():
                assert runpy.run_module("jsontool.compact", run_name="__main__")

            def test_lines():
                assert subprocess.run("python -m jsontool.lines --check", shell=True).returncode == 0

            def test_width():
                assert width() == 80
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["jsontool.imported.main"]
    assert reported(findings, "VC302") == ["jsontool.unused"]


def test_docstring_examples_a_test_runs(tmp_path: Path) -> None:
    """`doctest.DocTestSuite(mod)` for each module of a literal tuple, or `doctest.testmod(codec.decoder)`: the
    examples in those modules' docstrings run, so the functions that have one are tested; a function without an
    example there, and one with an example in a module no test hands to doctest, are not."""
    files = {
        "pyproject.toml": '[project]\nname = "codec"\n',
        "src/codec/__init__.py": "",
        "src/codec/encoder.py": '''
            def encode(value):
                """Encode a value.

                >>> encode(1)
                '1'
                """
                return str(value)

            def encode_all(values):
                return [encode(v) for v in values]
        ''',
        "src/codec/decoder.py": '''
            def decode(text):
                """>>> decode('1')
                1
                """
                return int(text)
        ''',
        "src/codec/stream.py": '''
            def chunks(text):
                """>>> list(chunks('ab'))
                ['a', 'b']
                """
                return iter(text)
        ''',
        "tests/test_docs.py": """
            import doctest
            import unittest

            import codec.decoder
            import codec.encoder
            import codec.stream

            def load_tests(loader, tests, ignore):
                for mod in (codec.encoder,):
                    tests.addTests(doctest.DocTestSuite(mod))
                return tests

            def test_decoder_examples():
                assert doctest.testmod(codec.decoder).failed == 0

            def test_stream_exists():
                assert codec.stream
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["codec.encoder.encode_all", "codec.stream.chunks"]
