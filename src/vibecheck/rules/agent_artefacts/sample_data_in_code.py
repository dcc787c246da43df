"""VC507 (preview): a data-fetching function that returns hard-coded fake records."""

from __future__ import annotations

import re
from pathlib import PurePath

import libcst as cst

from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule

FETCHING_NAME = lazy_pattern(r"^_?(?:get|fetch|load|list|find|query|retrieve|search|read|lookup|all)(?:_|$)", re.IGNORECASE)
EXPLICITLY_SAMPLE = lazy_pattern(r"(?:sample|fake|mock|dummy|demo|example|fixture|seed|stub|placeholder)", re.IGNORECASE)
SAMPLE_PATH_PARTS = frozenset({"tests", "test", "examples", "example", "docs", "doc", "fixtures", "seeds", "demo", "mocks"})
# Values that only appear in made-up records: textbook names, reserved example domains, 555 numbers.
FAKE_VALUE = lazy_pattern(
    r"^(?:john|jane|baby|richard)\s+doe$|^(?:john|jane|alice|bob|charlie)\s+(?:smith|johnson|doe|williams|brown|jones)$"
    r"|@(?:example\.(?:com|org|net)|test\.com|email\.com|domain\.com)$|^(?:john|jane)[._]?(?:doe|smith)@"
    r"|lorem\s+ipsum|^\d{2,5}\s+(?:main|oak|elm|maple|pine)\s+(?:st|street|ave|avenue|rd|road)\b|\banytown\b"
    r"|(?:^|\D)555[-.\s]\d{4}\b|\(555\)",
    re.IGNORECASE,
)
# Weaker hints, reported only together with sequential ids: "Sample product", "User 1".
WEAK_FAKE_VALUE = lazy_pattern(
    r"^(?:sample|test|demo|dummy|fake|mock|example)\b|^(?:user|product|item|customer|order|post|task|article|project)\s*#?\d+$",
    re.IGNORECASE,
)
LITERALS = (cst.Dict, cst.List, cst.Tuple)


class _Frame:
    __slots__ = ("name", "checked", "literals")

    def __init__(self, name: str, checked: bool) -> None:
        self.name = name
        self.checked = checked
        self.literals: dict[str, cst.BaseExpression] = {}


class SampleDataInCode(Rule):
    """A function that should fetch data returns hard-coded fake records ("John Doe", "user@example.com").

    ## What it does
    Reports a `return` in a function named like a data access (`get_*`, `fetch_*`, `load_*`,
    `list_*`, `find_*`, `query_*`, ...) that returns a literal record or list of records (directly,
    through a local variable it searches or returns, or wrapped as in `jsonify([...])`) containing
    made-up values: textbook
    names ("John Doe"), reserved example domains (`@example.com`), "Lorem ipsum", "123 Main St", 555
    phone numbers, or sequential ids next to "Sample"/"User 1" values. Test files, functions whose name
    says they are samples (`get_sample_users`) and files under `tests/`, `examples/`, `docs/`,
    `fixtures/` or `seeds/` are not checked.

    This rule is in preview (off by default): a hard-coded record with an example address can be a
    deliberate default. Enable it with `extend-select = ["VC507"]`.

    ## Why is this bad?
    Asked for an endpoint or a repository method, a coding agent that has no database or API at hand
    returns believable fake data. The feature demos well and is wrong for every real user; nothing
    fails, so nobody notices until production shows "John Doe" to a customer.

    ## Example
    ```python
    def get_users():
        return [
            {"id": 1, "name": "John Doe", "email": "john@example.com"},
            {"id": 2, "name": "Jane Smith", "email": "jane@example.com"},
        ]
    ```

    ## Use instead
    ```python
    def get_users(session):
        return [user.to_dict() for user in session.query(User).all()]
    ```

    ## References
    - [RFC 2606: reserved example domains](https://www.rfc-editor.org/rfc/rfc2606)
    """

    code = "VC507"
    name = "sample-data-in-code"
    category = Category.AGENT_ARTEFACTS
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    default_enabled = False
    applies_to_tests = False  # sample records are what a test file is for

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        parts = {part.lower() for part in PurePath(context.project_path).parts[:-1]}
        self._enabled = not (parts & SAMPLE_PATH_PARTS)
        self._frames: list[_Frame] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        name = node.name.value
        self._frames.append(_Frame(name, self._enabled and bool(FETCHING_NAME.match(name))
                                   and not EXPLICITLY_SAMPLE.search(name)))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._frames.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        frame = self._frames[-1] if self._frames else None
        if frame is None or not frame.checked or len(node.targets) != 1 or not isinstance(node.value, LITERALS):
            return
        target = node.targets[0].target
        if not isinstance(target, cst.Name):
            return
        evidence = _fake_evidence(node.value) if _is_records(node.value) else None
        if evidence is None:
            frame.literals[target.value] = node.value
        else:  # a fake "table" searched or returned later: report it where it is written
            self._report(node.value, frame, evidence)

    def visit_Return(self, node: cst.Return) -> None:
        frame = self._frames[-1] if self._frames else None
        if frame is None or not frame.checked or node.value is None:
            return
        value = node.value
        if isinstance(value, cst.Call) and value.args:
            value = value.args[0].value
        if isinstance(value, cst.Name):
            value = frame.literals.get(value.value, value)
        if not _is_records(value):
            return
        evidence = _fake_evidence(value)
        if evidence is not None:
            self._report(node, frame, evidence)

    def _report(self, node: cst.CSTNode, frame: _Frame, evidence: str) -> None:
        self.report(node, f"`{frame.name}` returns hard-coded sample records (`{evidence}`) instead of fetching them.",
                    hint=f"Make `{frame.name}` read the records from the real data source, and move sample data into "
                    "tests or fixtures.")


def _is_records(value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.Dict):
        return True
    return isinstance(value, (cst.List, cst.Tuple)) and any(isinstance(e.value, cst.Dict) for e in value.elements)


def _fake_evidence(value: cst.BaseExpression) -> str | None:
    """The first made-up value in the literal, or a description of sequential ids with a weak hint."""
    strings: list[str] = []
    ids: list[int] = []
    pending: list[cst.CSTNode] = [value]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.SimpleString):
            text = str(literal_value(node))
            if FAKE_VALUE.search(text):
                return text
            strings.append(text)
        elif isinstance(node, cst.Dict):
            for element in node.elements:
                if isinstance(element, cst.DictElement):
                    key = element.key
                    if (isinstance(key, cst.SimpleString) and str(literal_value(key)).lower() == "id"
                            and isinstance(element.value, cst.Integer)):
                        ids.append(int(element.value.value))
                    pending.extend((element.value, key))
        elif isinstance(node, (cst.List, cst.Tuple, cst.Set)):
            pending.extend(element.value for element in node.elements)
    ids.sort()
    sequential = len(ids) >= 2 and ids == list(range(ids[0], ids[0] + len(ids))) and ids[0] in (0, 1, 100, 1000)
    weak = next((text for text in strings if WEAK_FAKE_VALUE.search(text)), None)
    return weak if sequential and weak is not None else None
