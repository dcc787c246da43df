"""Retry libraries whose decorators and retrying objects retry forever unless they are given a limit (VC109).

Each helper is described by the arguments that limit it, so a new library is one more row of `RETRY_HELPERS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from vibecheck.imports import full_name
from vibecheck.literals import literal_value
from vibecheck.rules.error_handling.handler_facts import Resolver


@dataclass(frozen=True)
class RetryHelper:
    """How one retry helper is limited, and what it does without a limit."""

    library: str
    limits: tuple[str, ...]  # keywords that bound the attempts or the time, or give up on some failures
    hint: str  # how to set a limit, as the finding's hint says it
    positions: tuple[tuple[int, str], ...] = ()  # positional arguments that are limits: (index, keyword)
    bare: bool = False  # usable as a decorator without a call (`@retry`), which then retries forever
    none_fails: bool = False  # a limit of `None` is no "never stop": the helper calls it and fails with a TypeError


_TENACITY_HINT = "Pass a limit, `stop=stop_after_attempt(5)` or `stop=stop_after_delay(60)`, with `reraise=True`."
_TENACITY = RetryHelper("tenacity", ("stop",), _TENACITY_HINT, none_fails=True)
# `backoff`: its `giveup=` predicate ends the retries on the failures it judges permanent, as an `if ...: raise` does.
_BACKOFF = RetryHelper("backoff", ("max_tries", "max_time", "giveup"), "Pass `max_tries=` or `max_time=`.",
                       ((2, "max_tries"), (3, "max_time")))
_RETRY_PACKAGE_HINT = "Pass a positive `tries=` count."
RETRY_HELPERS = {
    "tenacity.retry": RetryHelper("tenacity", ("stop",), _TENACITY_HINT, bare=True, none_fails=True),
    "tenacity.Retrying": _TENACITY,
    "tenacity.AsyncRetrying": _TENACITY,
    "tenacity.asyncio.AsyncRetrying": _TENACITY,
    "backoff.on_exception": _BACKOFF,
    "backoff.on_predicate": _BACKOFF,
    # `retrying`, tenacity's predecessor: `stop_max_attempt_number`, `stop_max_delay` or a stop function end it.
    "retrying.retry": RetryHelper("retrying", ("stop_max_attempt_number", "stop_max_delay", "stop_func", "stop"),
                                  "Pass `stop_max_attempt_number=` or `stop_max_delay=`.", bare=True),
    # The `retry` package: `tries=-1`, its default, retries forever.
    "retry.retry": RetryHelper("retry", ("tries",), _RETRY_PACKAGE_HINT, ((1, "tries"),), bare=True),
    "retry.api.retry_call": RetryHelper("retry", ("tries",), _RETRY_PACKAGE_HINT, ((4, "tries"),)),
}
# Source words without which a file cannot use one of the helpers (a substring search before any name is resolved).
LIBRARY_WORDS = ("tenacity", "backoff", "retrying", "import retry", "from retry")
# Values that say "no limit" where a limit is expected: tenacity's `stop_never`, or `None`.
NEVER_STOP = frozenset({"tenacity.stop_never", "tenacity.stop.stop_never"})


@dataclass(frozen=True)
class Unlimited:
    """A retry helper used without a limit: the helper, and the argument that lifts the limit (None: none given)."""

    name: str
    helper: RetryHelper
    keyword: str | None  # the limit's keyword whose value lifts it (`stop` of `stop=stop_never`); None: no limit given
    argument: cst.BaseExpression | None


def unlimited_use(node: cst.BaseExpression, resolve: Resolver) -> Unlimited | None:
    """The helper `node` uses with no limit: `@retry` (a decorator's expression), `@retry(wait=...)`,
    `Retrying(stop=stop_never)`, `@backoff.on_exception(expo, Error, max_tries=None)`. None for a bounded use, or one
    whose arguments are spread from elsewhere (`**policy`), which may hold the limit."""
    call = node if isinstance(node, cst.Call) else None
    name = resolve(call.func if call is not None else node)
    helper = RETRY_HELPERS.get(name or "")
    if helper is None or name is None:
        return None
    if call is None:
        return Unlimited(name, helper, None, None) if helper.bare else None
    if any(arg.star for arg in call.args):
        return None
    given = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}
    positional = [arg.value for arg in call.args if arg.keyword is None]
    given.update((keyword, positional[index]) for index, keyword in helper.positions if index < len(positional))
    limits = [(keyword, given[keyword]) for keyword in helper.limits if keyword in given]
    lifting = [(keyword, value) for keyword, value in limits if _lifts_limit(value, resolve)]
    if limits and len(lifting) < len(limits):
        return None
    keyword, value = lifting[0] if lifting else (None, None)
    return Unlimited(name, helper, keyword, value)


def _lifts_limit(value: cst.BaseExpression, resolve: Resolver) -> bool:
    """`None`, `stop_never`, or a negative count (`tries=-1`): the limit is switched off."""
    if isinstance(value, cst.Name) and value.value == "None":
        return True
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus):
        return isinstance(value.expression, cst.Integer) and literal_value(value.expression) not in (0, None)
    return (resolve(value) or full_name(value) or "") in NEVER_STOP
