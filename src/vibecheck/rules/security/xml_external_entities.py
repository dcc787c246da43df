"""VC416: XML from the client is parsed with lxml's default parser, or a parser is told to resolve external entities."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from vibecheck.analysis.flow import FlowState, Taint, call_argument, iter_calls, last_parts, short_code
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.security._client_sinks import ArgumentSpec, ClientSinkRule

# lxml functions that parse their first argument with lxml's default parser when given no `parser=`.
LXML_PARSERS: dict[str, ArgumentSpec] = {
    "lxml.etree.fromstring": (0, "text"), "lxml.etree.XML": (0, "text"), "lxml.etree.parse": (0, "source"),
    "lxml.etree.iterparse": (0, "source"), "lxml.etree.fromstringlist": (0, "strings"),
    "lxml.objectify.fromstring": (0, "xml"), "lxml.objectify.parse": (0, "f"), "lxml.html.fromstring": (0, "html"),
}
# The lxml version from which each one's default parser no longer resolves external entities (the default became
# `resolve_entities='internal'` in lxml 5.2; `iterparse()` kept `True` until lxml 6.1, CVE-2026-41066). A default
# that is safe in the lxml of the last two years is medium: only a project that pins or runs an older lxml is open.
SAFE_DEFAULT_SINCE = {name: "5.2" for name in LXML_PARSERS} | {"lxml.etree.iterparse": "6.1"}
RECENTLY_SAFE = frozenset({"5.2"})
PARSER_FACTORIES = frozenset({"lxml.etree.XMLParser", "lxml.etree.XMLPullParser", "lxml.objectify.makeparser",
                              "lxml.etree.ETCompatXMLParser"})
# Parsers whose default options resolve entities in every lxml before 6.1: lxml 5.2 made `XMLParser()` safe by default,
# not these (`ETCompatXMLParser` keeps `resolve_entities=True`). Created without that option, they are reported.
ENTITY_RESOLVING_BY_DEFAULT = frozenset({"lxml.etree.ETCompatXMLParser"})
# The SAX and pulldom parsers' method that turns a feature on (`parser.setFeature(feature_external_ges, True)`).
SET_FEATURE = "setFeature"
# Parser options that turn external entity or DTD loading on, with the value that does it.
DANGEROUS_OPTIONS = {"resolve_entities": True, "no_network": False, "load_dtd": True, "dtd_validation": True,
                     "huge_tree": True}
SAX_FEATURES = frozenset({"feature_external_ges", "feature_external_pes",
                          "http://xml.org/sax/features/external-general-entities",
                          "http://xml.org/sax/features/external-parameter-entities"})
SANITIZERS = frozenset({"defusedxml.lxml.fromstring", "defusedxml.ElementTree.fromstring"})
CWE = (611,)


def _is_constant(node: cst.BaseExpression | None, value: bool) -> bool:
    return isinstance(node, cst.Name) and node.value == str(value)


class XmlExternalEntities(ClientSinkRule):
    """XML from the client is parsed with lxml's default parser, or a parser is set to resolve external entities.

    ## What it does
    Reports client input (request bodies and fields, uploads, route parameters, Lambda and Slack
    payloads) parsed by `lxml.etree.fromstring()`/`XML()`/`parse()`/`iterparse()` or
    `lxml.objectify` without an explicit `parser=`; an lxml `XMLParser(...)` created with
    `resolve_entities=True`, `no_network=False`, `load_dtd=True` or `dtd_validation=True`; an
    `ETCompatXMLParser()` created without `resolve_entities=` (it resolves them by default before lxml 6.1); and a SAX
    or pulldom parser given `setFeature(feature_external_ges, True)`. The standard library's
    `ElementTree`/`minidom` parsers are bandit's `B313`-`B319`.

    The severity follows the parser options used: a parser told to resolve entities or load DTDs is high in
    every lxml version, and so is `iterparse()` with its default parser (it resolves external entities until
    lxml 6.1). The default parser of `fromstring()`, `XML()`, `parse()` and `lxml.objectify` no longer resolves
    them since lxml 5.2 (2024): there the finding is medium, for projects that pin or still run an older lxml.

    ## Why is this bad?
    An XML document can declare an entity that points at `file:///etc/passwd` or an internal URL; a
    parser that resolves it pastes the file into the parsed data (often echoed back) or makes the server
    fetch the URL (XML external entities, and server-side request forgery through them). lxml's default
    parser resolved external entities until lxml 5.2 (2024), and projects still pin or run older versions;
    a parser made with `resolve_entities=True` resolves them in every version.

    ## Example
    ```python
    from flask import Flask, request
    from lxml import etree

    app = Flask(__name__)

    @app.post("/import")
    def import_feed():
        root = etree.fromstring(request.data)
        return root.findtext("title")
    ```

    ## Use instead
    ```python
    from flask import Flask, request
    from lxml import etree

    app = Flask(__name__)
    SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

    @app.post("/import")
    def import_feed():
        root = etree.fromstring(request.data, parser=SAFE_PARSER)
        return root.findtext("title")
    ```

    ## References
    - [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
    - [OWASP: XML External Entity Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
    - [defusedxml](https://pypi.org/project/defusedxml/)
    """

    code = "VC416"
    name = "xml-external-entities"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = CWE
    file_hints = ("lxml", "setfeature", "xml.sax", "pulldom")
    function_sinks: ClassVar[dict[str, ArgumentSpec]] = LXML_PARSERS
    sanitizers = SANITIZERS
    # every report is at a call of these: the parsers, the parser factories and `setFeature`; `check` notes nothing
    sink_words = last_parts(LXML_PARSERS, PARSER_FACTORIES, (SET_FEATURE,))

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        for call in iter_calls(node):
            name = state.qualified_name(call) or ""
            if name in PARSER_FACTORIES:
                self._check_parser_options(call)
            func = call.func
            if isinstance(func, cst.Attribute) and func.attr.value == SET_FEATURE and len(call.args) >= 2:
                feature = call.args[0].value
                feature_name = (short_code(feature).rsplit(".", 1)[-1]).strip("\"'")
                if feature_name in SAX_FEATURES and _is_constant(call.args[1].value, True):
                    self.report(call, f"`{short_code(call)}` makes the XML parser load external entities.",
                                hint="Leave external entities off (the default) or parse with `defusedxml`.", cwe=CWE)

    def _check_parser_options(self, call: cst.Call) -> None:
        name = self.qualified_name(call)
        if name in ENTITY_RESOLVING_BY_DEFAULT and call_argument(call, None, "resolve_entities") is None \
                and not any(arg.star == "**" for arg in call.args):
            self.report(call, f"`{short_code(call.func)}()` resolves entities by default before lxml 6.1, so XML "
                        "documents can pull in files or URLs.", hint="Pass `resolve_entities=False, no_network=True`, "
                        "or parse with `defusedxml`.", cwe=CWE)
            return
        for option, dangerous in DANGEROUS_OPTIONS.items():
            value = call_argument(call, None, option)
            if value is not None and _is_constant(value, dangerous):
                self.report(value, f"`{short_code(call.func)}({option}={dangerous})` lets XML documents pull in files "
                            "or URLs through entities.", hint="Create the parser with `resolve_entities=False, "
                            "no_network=True` and without DTD loading, or parse with `defusedxml`.", cwe=CWE)
                return

    def accepts(self, call: cst.Call, argument: cst.BaseExpression, state: FlowState) -> bool:
        return call_argument(call, 1, "parser") is None

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        since = SAFE_DEFAULT_SINCE.get(label, "6.1")
        self.report(node, f"Client input from `{taint.origin}` is parsed by `{short_code(call.func)}()` with lxml's "
                    f"default parser, which resolves external entities before lxml {since}.", hint="Pass "
                    "`parser=etree.XMLParser(resolve_entities=False, no_network=True)` or parse with "
                    "`defusedxml.lxml`.", cwe=CWE, severity=Severity.MEDIUM if since in RECENTLY_SAFE else None)
