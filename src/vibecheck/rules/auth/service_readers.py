"""VC214's view of a project's service classes: methods handed only a row's id, which cannot know whose row it is.

A FastAPI handler that knows the caller often hands the client's id to an injected service
(`service: Annotated[InvoiceService, Depends(invoice_service)]`, `await service.invoice(invoice_id)`), whose method
reads the row through a repository (`self.invoices.get(invoice_id)`). The method is given the id and nothing that
names the caller, and its class is built with no caller either, so it cannot scope the row: the handler's lookup is
two calls and a module away. The service's module records such methods (`InvoiceService.invoice`) as a fact; the
handler's module reports the call until the project phase shows the method is none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import libcst as cst

from vibecheck.analysis.app_model.frameworks import name_words
from vibecheck.analysis.app_model.handlers import IDENTITY_EXPRESSIONS, OWNERSHIP_WORDS, checks_role, dotted_uses
from vibecheck.analysis.flow import dotted_name
from vibecheck.cst_fields import own_nodes_of

# The last word of a class that reads and writes rows (`InvoiceRepository`, `OrderDAO`, `NoteCrud`), whose reader an
# attribute of the service holds (`self.invoices = invoices`, typed in `__init__`).
DATA_ACCESS_CLASS_WORDS = frozenset({"repo", "repository", "crud", "dao", "store", "storage"})
# Parameters that carry the caller, or the request that does, into a method or a constructor.
CALLER_PARAMETERS = frozenset({"request", "req", "context", "ctx", "info"})
# What a repository's reader is called (`get`, `by_id`, `get_invoice`, `find`): its writers (`save`, `add`) read none.
READER_METHODS = frozenset({"get", "get_by_id", "by_id", "find", "find_by_id", "fetch", "load", "one", "get_or_none",
                            "get_or_404", "delete", "delete_by_id"})
READER_PREFIXES = ("get_", "fetch_", "find_", "load_", "by_")
ANNOTATED = frozenset({"Annotated", "typing.Annotated", "typing_extensions.Annotated"})


def annotated_class(parameter: cst.Param, aliases: Mapping[str, cst.BaseExpression] | None = None,
                    ) -> cst.BaseExpression | None:
    """The class a parameter is annotated with: `InvoiceService`, also inside `Annotated[InvoiceService, Depends(...)]`
    and through an alias of the module (`Service = Annotated[InvoiceService, Depends(invoice_service)]`)."""
    annotation = parameter.annotation.annotation if parameter.annotation is not None else None
    if type(annotation) is cst.Name and aliases and annotation.value in aliases:
        annotation = aliases[annotation.value]
    if type(annotation) is cst.Subscript and dotted_name(annotation.value) in ANNOTATED and annotation.slice \
            and type(annotation.slice[0].slice) is cst.Index:
        annotation = annotation.slice[0].slice.value
    return annotation if type(annotation) in (cst.Name, cst.Attribute) else None


def annotation_aliases(module: cst.Module) -> dict[str, cst.BaseExpression]:
    """The module's `Name = Annotated[...]` aliases, by name."""
    return {line.body[0].targets[0].target.value: line.body[0].value for line in module.body
            if type(line) is cst.SimpleStatementLine and type(line.body[0]) is cst.Assign
            and len(line.body[0].targets) == 1 and type(line.body[0].targets[0].target) is cst.Name
            and type(line.body[0].value) is cst.Subscript and dotted_name(line.body[0].value.value) in ANNOTATED}


def caller_free(names: set[str]) -> bool:
    """No parameter name that could carry the caller (`user_id`, `owner`, `account`, `request`)."""
    return not any(set(name_words(name)) & OWNERSHIP_WORDS or name in CALLER_PARAMETERS for name in names)


def _parameters(function: cst.FunctionDef) -> list[cst.Param]:
    params = function.params
    return [*params.posonly_params, *params.params, *params.kwonly_params]


def _data_access_attributes(init: cst.FunctionDef | None) -> set[str]:
    """The attributes `__init__` sets from a parameter typed as a data-access class (`self.invoices = invoices` where
    `invoices: InvoiceRepository`) or to one built on the spot (`self.repo = OrderRepository(session)`)."""
    if init is None:
        return set()
    typed = {p.name.value for p in _parameters(init)
             if (cls := annotated_class(p)) is not None and _data_access_class(dotted_name(cls) or "")}
    found: set[str] = set()
    for assign in own_nodes_of(init.body, cst.Assign):
        target = assign.targets[0].target if len(assign.targets) == 1 else None
        if type(target) is not cst.Attribute or dotted_name(target.value) != "self":
            continue
        value = assign.value
        if (type(value) is cst.Name and value.value in typed) \
                or (type(value) is cst.Call and _data_access_class(dotted_name(value.func) or "")):
            found.add(target.attr.value)
    return found


def _data_access_class(name: str) -> bool:
    words = name_words(name.rpartition(".")[2])
    return len(words) > 1 and words[-1] in DATA_ACCESS_CLASS_WORDS


def _methods(node: cst.ClassDef) -> Iterator[cst.FunctionDef]:
    body = node.body.body if type(node.body) is cst.IndentedBlock else ()
    return (statement for statement in body if type(statement) is cst.FunctionDef)


RowRead = Callable[[cst.Call, cst.FunctionDef, set[str]], bool]


def service_readers(module: cst.Module, reads_row: RowRead) -> list[str]:
    """`Class.method` for each method of a top-level class built with no caller that is handed only ids and reads one
    row by them (`reads_row(call, method, ids)`), directly or through a data-access attribute
    (`self.invoices.get(invoice_id)`)."""
    readers: list[str] = []
    for node in module.body:
        if type(node) is not cst.ClassDef:
            continue
        methods = list(_methods(node))
        init = next((m for m in methods if m.name.value == "__init__"), None)
        if init is not None and not caller_free({p.name.value for p in _parameters(init)[1:]}):
            continue  # a service built for one caller (`InvoiceService(repo, user)`) may scope what it reads
        attributes = _data_access_attributes(init)
        readers.extend(f"{node.name.value}.{method.name.value}" for method in methods
                       if not method.name.value.startswith("__") and _reads_by_id_only(method, reads_row, attributes))
    return readers


def _reads_by_id_only(method: cst.FunctionDef, reads_row: RowRead, attributes: set[str]) -> bool:
    params = {p.name.value for p in _parameters(method)[1:]}
    if not params or not caller_free(params) or checks_role(method.body):
        return False
    local = {target.target.value for assign in own_nodes_of(method.body, cst.Assign) for target in assign.targets
             if type(target.target) is cst.Name}
    if any(use in IDENTITY_EXPRESSIONS or (use not in local and set(name_words(use.rpartition(".")[2])) & OWNERSHIP_WORDS)
           for use in dotted_uses(method.body)):
        return False  # a caller read from the request's context, or a row's owner compared (a local `sub` is the row)
    reads = [call for call in own_nodes_of(method.body, cst.Call)
             if _through_data_access(call, params, attributes) or reads_row(call, method, params)]
    return len(reads) == 1


def _through_data_access(call: cst.Call, ids: set[str], attributes: set[str]) -> bool:
    """`self.invoices.get(invoice_id)`: a reader of a data-access attribute handed one of the ids."""
    func = call.func
    receiver = func.value if type(func) is cst.Attribute else None
    return type(receiver) is cst.Attribute and receiver.attr.value in attributes and dotted_name(receiver.value) == "self" \
        and type(func) is cst.Attribute \
        and (func.attr.value in READER_METHODS or func.attr.value.startswith(READER_PREFIXES)) \
        and any(type(a.value) is cst.Name and a.value.value in ids for a in call.args)
