"""The secrets a handler sends to an account's owner by mail or text: a reset or verification token, a one-time code,
a temporary password, as is or inside a link or a message made of it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import libcst as cst

from vibecheck.analysis.secrets_names import is_secret_name, name_words
from vibecheck.cst_fields import child_nodes, own_nodes_of
from vibecheck.rules.auth.mail_calls import LINK_WORDS, callee_words, sends_mail

# Last words of a one-time secret that `is_secret_name` leaves to context: a `code`, an `otp`, a `pin`.
ONE_TIME_WORDS = frozenset({"code", "otp", "pin", "passcode", "totp"})
# Words that make a `code` a secret of the account (`reset_code`, `sms_code`; not `status_code` or `country_code`).
ACCESS_WORDS = LINK_WORDS | frozenset({"otp", "mfa", "auth", "security", "sms", "one", "access", "login"})
# Words of a call that makes text or a message of what it is given (`str(token)`, `render_to_string(..., {"link":
# link})`, `Message(body=link)`, `build_reset_url(token)`), so its answer carries a secret passed to it; other calls
# (`verify(token)`, `User.objects.get(token=token)`) answer something else.
MESSAGE_WORDS = frozenset({"str", "hex", "decode", "encode", "format", "join", "quote", "urlencode", "render",
                           "template", "string", "message", "msg", "mail", "email", "sms", "text", "body", "html",
                           "content", "url", "uri", "link", "reverse", "multi", "alternatives"})



def is_owner_secret(name: str) -> bool:
    """`token`, `reset_token`, `verification_code`, `otp`, `temp_password`, `code` (not `status_code`, `email`)."""
    words = name_words(name)
    if not words:
        return False
    if words[-1] in ONE_TIME_WORDS:
        return words == ["code"] or words[-1] != "code" or bool(ACCESS_WORDS.intersection(words))
    return is_secret_name(name)


def mailed_secrets(function: cst.FunctionDef, qualified: Callable[[cst.Call], str | None]) -> dict[str, str]:
    """Names the function binds that carry a secret it also mails, each to the secret (`token` -> `token`,
    `link = f".../reset?token={token}"` -> `token`)."""
    bindings = _bindings(function)
    carried: dict[str, str] = {name: name for name in bindings if is_owner_secret(name)}
    grown = True
    while grown:
        grown = False
        for name, values in bindings.items():
            if name in carried:
                continue
            secret = next((found for value in values if (found := _carried(value, carried)) is not None), None)
            if secret is not None:
                carried[name] = secret
                grown = True
    mailed = {secret for call in own_nodes_of(function, cst.Call) if sends_mail(call, qualified(call))
              for arg in call.args if (secret := _carried(arg.value, carried)) is not None}
    return {name: secret for name, secret in carried.items() if secret in mailed}


def answered_secrets(values: Iterable[cst.BaseExpression], mailed: dict[str, str]
                     ) -> Iterator[tuple[cst.BaseExpression, str]]:
    """(value, secret) for each value of a response body that carries a mailed secret."""
    for value in values:
        secret = _carried(value, mailed)
        if secret is not None:
            yield value, secret


def body_values(payload: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    """The values of a response body written as a dict: `{"token": token}`, `dict(reset_link=link)`."""
    if type(payload) is cst.Dict:
        for element in payload.elements:
            if type(element) is cst.DictElement:
                yield element.value
    elif type(payload) is cst.Call and type(payload.func) is cst.Name and payload.func.value == "dict":
        yield from (arg.value for arg in payload.args if arg.keyword is not None)


def _carried(node: cst.BaseExpression, carriers: dict[str, str]) -> str | None:
    """The secret an expression carries: a name of one, in an f-string, a concatenation, a container, or an argument
    of a call that makes text or a message of it (`f"{base}/reset?token={token}"`, `Message(body=link)`)."""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        kind = type(current)
        if kind is cst.Name:
            if current.value in carriers:  # type: ignore[attr-defined]
                return carriers[current.value]  # type: ignore[attr-defined]
        elif kind is cst.Call:
            if MESSAGE_WORDS.intersection(callee_words(current.func)):  # type: ignore[attr-defined]
                pending.extend(arg.value for arg in current.args)  # type: ignore[attr-defined]
            if type(current.func) is cst.Attribute:  # type: ignore[attr-defined]
                pending.append(current.func.value)  # type: ignore[attr-defined]
        elif kind is cst.Attribute:
            pending.append(current.value)  # type: ignore[attr-defined]
        elif kind not in (cst.Comparison, cst.Lambda):
            pending.extend(child_nodes(current))
    return None


def _bindings(function: cst.FunctionDef) -> dict[str, list[cst.BaseExpression]]:
    """The values the function's own code binds to each plain name."""
    found: dict[str, list[cst.BaseExpression]] = {}
    for node in own_nodes_of(function, cst.Assign):
        for target in node.targets:
            if type(target.target) is cst.Name:
                found.setdefault(target.target.value, []).append(node.value)
    for annotated in own_nodes_of(function, cst.AnnAssign):
        if type(annotated.target) is cst.Name and annotated.value is not None:
            found.setdefault(annotated.target.value, []).append(annotated.value)
    return found
