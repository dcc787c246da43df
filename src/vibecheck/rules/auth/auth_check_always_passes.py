"""VC212: an auth or permission check whose body lets everyone through."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import cast

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.app_model.frameworks import name_words, reads_as_guard
from vibecheck.analysis.check_modules import check_modules_inputs
from vibecheck.analysis.flow import injected_parameters
from vibecheck.analysis.nodes import callee_tail
from vibecheck.cst_fields import STATEMENT_HOLDERS, child_nodes, walk_own
from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.answering_checks import answers_only
from vibecheck.rules.auth.guard_decorators import (
    REQUEST_HOOKS,
    always_true,
    is_enforcing_hook_name,
    never_refusing_dependency,
    never_refusing_dispatch,
    never_refusing_hook,
    never_refusing_wrapper,
)
from vibecheck.rules.auth.presence_checks import presence_tests, role_test_made_moot

# Last words of a check named for a setting's shape, not for a caller (`validate_id_token_encrypted_response_alg`,
# `check_token_endpoint_auth_method`, `validate_password_length`): a registration claim or a policy value, whose
# empty validator accepts a value but lets no one in.
METADATA_WORDS = frozenset({"alg", "algs", "algorithm", "algorithms", "enc", "uri", "uris", "url", "urls", "type",
                            "types", "format", "length", "method", "methods"})
DEFAULT_NAME_PATTERN = (
    r"^_*(authenticate|authorize|authorise|is_logged_in|logged_in"
    r"|(is|has|check|verify|validate|ensure|require|user|can)_\w*"
    r"(auth|admin|staff|superuser|perm|access|role|token|jwt|api_?key|secret"
    r"|(service|client|partner|master|shared|signing|webhook|internal|licen[cs]e)_?key|password|passwd|signature|credential|owner"
    r"|allowed|permitted|login|logged_in|signed_in|member)\w*"
    r"|can_(?!(?:read|write)_(?:eof|bytes|buffer|stream|chunks?|frames?|lines?)$)"
    r"(edit|delete|view|modify|update|manage|read|write|create|publish|remove|change)\w*)$"
)
# Not `can_write_eof`: asyncio's transports (and asyncssh's channels) answer whether the stream supports it, and
# `can_read_bytes` likewise asks the stream, not the caller.
# A check named as a question (`is_tenant_admin`, `current_is_admin`, `user_has_access`): it answers, it does not
# refuse, so a call whose answer is thrown away checks nothing. What follows the question word must read as an auth
# check for the name pattern; a verb before it makes a check that refuses by raising
# (`validate_can_add_authenticator`), which is called for that.
QUESTION = lazy_pattern(r"^_*(?:(?:current|user|caller|requester|viewer)_){0,2}((?:is|has|can)_\w+)$", re.IGNORECASE)
# A question or requirement about one role named by a noun for a person (`is_librarian`, `editor_required`,
# `require_instructor`): testing only that the claims carry a role key lets in whoever has any role.
ROLE_NOUN_CHECK = lazy_pattern(r"^_*(?:(?:current|user|caller|requester|viewer)_){0,2}(?:is_|require_)?"
                               r"([a-z]{3,}(?:ian|ist|or|er))(?:_required|_only)?$")
NOT_ROLE_NOUNS = frozenset({"user", "other", "under", "over", "newer", "older", "error", "order", "header", "number",
                            "filter", "member", "either", "never", "after", "later", "valid", "author"})
# A check named for what it requires (`admin_required`), called for its refusal: one that only answers refuses no one.
REQUIREMENT = lazy_pattern(r"^_*([^\W_]\w*?)_required$", re.IGNORECASE)
# Decorators and bases that mark a body as an interface, not an implementation (`Interface`: zope.interface).
ABSTRACT_DECORATORS = frozenset({"abstractmethod", "abstractproperty", "abstractclassmethod", "abstractstaticmethod",
                                 "overload"})
INTERFACE_BASES = frozenset({"ABC", "Protocol", "ABCMeta", "Interface"})
# zope.interface's naming: an interface that extends another (`class IAuthPolicy(ISecurityPolicy)`) declares too.
INTERFACE_NAME = lazy_pattern(r"^I[A-Z]")
# Methods that a framework's base class calls as the check whatever they are named: Django's `UserPassesTestMixin`
# lets the caller in when `test_func` answers truthy. Method -> the bases that call it.
CHECK_METHODS: dict[str, frozenset[str]] = {"test_func": frozenset({"UserPassesTestMixin"})}
# Words of a class name that say it enforces access (`StaffRequiredMixin`, `AdminOnlyMixin`): a mixin so named is the
# check itself, not a default for subclasses to override.
ENFORCING_CLASS_WORDS = frozenset({"required", "require", "requires", "only"})
# A user object answering `is_authenticated` with True is how Flask-Login and Django model a signed-in user.
USER_CLASS = lazy_pattern(r"(User|Account|Member|Principal|Identity|UserMixin)$")
USER_PROPERTIES = frozenset({"is_authenticated", "is_active"})
# A framework's base class or default adapter: its permissive answer is the documented default that
# subclasses or settings override (`BasePermission.has_permission`, allauth's `DefaultMFAAdapter`).
OVERRIDABLE_CLASS = lazy_pattern(r"^_*(Base|Abstract|Default)[A-Z]|(Base|Mixin)$")
# A method's docstring that tells a subclass how to refuse (`Raise AuthorizationError to deny access.`) or to override
# it: the body is the documented default of an extension point (a middleware base's `check_resource_access` hook).
# So does one that names it a hook for subclasses or for custom policies, or its answer a default ("Hook for subclasses
# to validate run access. No-op by default.", djangosaml2's "Hook to allow custom authorization policies based on SAML
# attributes. True by default."): a multi-tenant store or the deploying project overrides it, elsewhere.
HOOK_DOCSTRING = lazy_pattern(r"(?i)\b(?:override|overridden|overriding|subclasses?\s+(?:should|must|can|may)|raise\s+`*\w+`*"
                              r"\s+to\s+(?:deny|reject|refuse|block|forbid)|hook\s+for\s+subclass(?:es)?"
                              r"|hook\s+(?:to|that)\s+(?:allows?|lets?|enables?)\s+(?:custom|your\s+own)"
                              r"|(?:no-?op|true|allowed)\s+by\s+default)\b")
# Permission or policy classes whose purpose is to allow everyone (`AllowAny`, a stock policy `Available` "for when a
# product is always available", `UnrestrictedAccess`), or everything (pretix's `FullAccessSecurityProfile`): the
# permissive answer is what the class is for.
ALLOW_ALL_CLASS = lazy_pattern(r"(?i)(allow|public|anonymous|anyone|open|noauth|no_auth|permit_?all|(?<!un)available"
                               r"|unrestricted|blanket|full_?access|all_?access|dummy|noop|no_op)")
# A class docstring that says the class lets everyone through ("A permission policy that gives everyone (including
# anonymous users) full permission", "Default case is always true"): its permissive answer is its documented purpose.
ALLOW_ALL_DOC = lazy_pattern(r"(?i)\b(?:gives|grants|allows|lets|permits)\s+(?:everyone|everybody|anyone|all\s+users)\b"
                             r"|\balways\s+(?:true|allowed|granted|permitted)\b|\b(?:implementation|handler|backend)\s+that"
                             r"\s+does\s+nothing\b")
# The permission hooks of Django's `ModelAdmin` and inlines: the admin site lets only signed-in staff reach them, so
# `return True` there opens an object to the staff (`has_delete_permission` of an admin whose objects are deleted by
# cascade), not to everyone.
ADMIN_PERMISSION_HOOKS = frozenset({"has_add_permission", "has_change_permission", "has_delete_permission",
                                    "has_view_permission", "has_module_permission"})
ADMIN_CLASS_SUFFIXES = ("Admin", "Inline")
# A dependency or helper named to let only some callers through (`require_admin`, `get_current_superuser`,
# `staff_only`): a role word, and a word that says it enforces the role or hands over the caller who holds it.
ROLE_GUARD_WORDS = frozenset({"admin", "staff", "superuser", "owner", "moderator", "manager", "role", "roles"})
ENFORCING_WORDS = frozenset({"require", "required", "requires", "ensure", "only", "must", "current", "check", "verify"})
# Calls that only leave a trace: a body of these and `return True` still checks nothing.
TRACE_CALLS = frozenset({"print", "debug", "info", "warning", "warn", "log", "error"})
# What a Litestar guard is handed first (`def guard(connection: ASGIConnection, handler: BaseRouteHandler) -> None`):
# such a guard denies only by raising; its return value is never read.
GUARD_CONNECTIONS = frozenset({"ASGIConnection"})
# Last words of a parameter that holds the credential a check is handed (`key`, `api_key`, `token`): a check that
# returns it untested (Django Ninja's `authenticate(self, request, key): return key`) passes whoever sends any value.
# Methods of users, querysets and forms that answer an auth question only when called: left uncalled in a refusing
# `if` (`if not user.groups.filter(name="staff").exists: raise ...`) the bound method is always true, and the `not`
# of it never refuses.
UNCALLED_CHECKS = frozenset({"exists", "has_perm", "has_perms", "has_module_perms", "check_password",
                             "has_usable_password"})
# `exists` is a queryset's method only on a queryset (`.filter(...)`, `Model.objects`); elsewhere it may be a field.
QUERYSET_METHODS = frozenset({"filter", "exclude", "all", "objects", "get_queryset", "select_related"})
CREDENTIAL_WORDS = frozenset({"key", "apikey", "token", "credential", "credentials", "secret", "password", "passwd"})
# Words of what an `if` test asks about the caller (`request.username`, `user.is_admin`, `membership.role`): with an
# `or True` on its side the test passes everyone, and the refusal it was written for is dead code.
CALLER_TEST_WORDS = ROLE_GUARD_WORDS | CREDENTIAL_WORDS | frozenset({
    "user", "username", "auth", "authenticated", "authorized", "authorised", "permission", "permissions", "perm",
    "perms", "logged", "login", "member", "membership", "allowed", "permitted", "access"})


@functools.lru_cache(maxsize=8)
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _is_truthy_constant(node: cst.BaseExpression | None) -> bool:
    if isinstance(node, cst.Name):
        return node.value == "True"
    if isinstance(node, (cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString)):
        return bool(literal_value(node))
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        # `(self.user, self.token)` answers *who* is authenticated; only a display of literals is a constant
        return bool(node.elements) and all(isinstance(e, cst.Element) and _is_literal(e.value) for e in node.elements)
    if isinstance(node, cst.Dict):
        return bool(node.elements) and all(isinstance(e, cst.DictElement) and _is_literal(e.key) and _is_literal(e.value)
                                           for e in node.elements)
    return False


def _last_word(node: cst.CSTNode) -> str:
    """`user` of a name, `is_admin` of `user.is_admin`; nothing of any other node."""
    if isinstance(node, cst.Name):
        return node.value
    return node.attr.value if isinstance(node, cst.Attribute) else ""


def _names_one_role(name: str) -> bool:
    """`is_librarian`, `editor_required`, `require_instructor`: a check of one role, named by a noun for a person."""
    match = ROLE_NOUN_CHECK.match(name)
    return match is not None and match.group(0) != match.group(1) and match.group(1) not in NOT_ROLE_NOUNS


def _names_role_guard(name: str) -> bool:
    """`require_admin`, `get_current_superuser`, `staff_only`, `require_role`: a role, and a word that enforces it."""
    words = set(name_words(name))
    return bool(words & ROLE_GUARD_WORDS and words & ENFORCING_WORDS)


def _tests_anything(node: cst.FunctionDef) -> bool:
    """An `if`, a comparison or a boolean operator anywhere in the body: the function decides something."""
    pending: list[cst.CSTNode] = [node.body]
    while pending:
        inner = pending.pop()
        if isinstance(inner, (cst.If, cst.IfExp, cst.Comparison, cst.BooleanOperation, cst.Match, cst.While)):
            return True
        pending.extend(child_nodes(inner))
    return False


def _is_literal(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Name):
        return node.value in ("True", "False", "None")
    return isinstance(node, (cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString)) or _is_truthy_constant(node)


# pyotp's check of a one-time code, and how many 30-second steps around now it may accept: one of clock drift is
# what RFC 6238 advises; more accepts codes an attacker can guess.
OTP_VERIFY = "verify"
WINDOW_KEYWORD = "valid_window"
MAX_CODE_WINDOW = 2


@dataclass
class Frame:
    node: cst.FunctionDef
    returns: list[cst.Return] = field(default_factory=list)
    checks: bool = False
    refuses: bool = False  # a `raise` or an `assert`: a way to deny that no returned value can undo


@dataclass(frozen=True)
class _ClassFacts:
    """What the check needs to know of one class of the module: its bases, its methods, what it sets on `self`."""

    bases: frozenset[str] = frozenset()
    methods: frozenset[str] = frozenset()
    rebound: frozenset[str] = frozenset()
    refusing: frozenset[str] = frozenset()  # methods whose whole body is `return False`


# Where a class can be defined (in a block, never in an expression), and where a method can bind `self.x = ...` (in an
# assignment's target): the searches below enter nothing else.
_CLASS_SEARCH = STATEMENT_HOLDERS | {cst.FunctionDef, cst.ClassDef}
_TARGET_SEARCH = _CLASS_SEARCH | {cst.Assign, cst.AssignTarget}


@functools.lru_cache(maxsize=4)
def _module_classes(module: cst.Module) -> dict[str, _ClassFacts]:
    """The facts of every class defined in the module, by class name (computed once per file)."""
    classes: dict[str, _ClassFacts] = {}
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        if type(node) is cst.ClassDef:
            classes[node.name.value] = _class_facts(node)
        pending.extend(child for child in child_nodes(node) if type(child) in _CLASS_SEARCH)
    return classes


def _class_facts(node: cst.ClassDef) -> _ClassFacts:
    bases = frozenset((get_full_name_for_node(b.value) or "").rpartition(".")[2] for b in node.bases)
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    methods = frozenset(s.name.value for s in body if isinstance(s, cst.FunctionDef))
    refusing = frozenset(s.name.value for s in body if isinstance(s, cst.FunctionDef) and _answers_false(s))
    rebound: set[str] = set()
    pending: list[cst.CSTNode] = [node.body]
    while pending:
        inner = pending.pop()
        if type(inner) is cst.AssignTarget and type(inner.target) is cst.Attribute \
                and type(inner.target.value) is cst.Name and inner.target.value.value == "self":
            rebound.add(inner.target.attr.value)
        pending.extend(child for child in child_nodes(inner) if type(child) in _TARGET_SEARCH)
    return _ClassFacts(bases, methods, frozenset(rebound), refusing)


def _answers_false(function: cst.FunctionDef) -> bool:
    """`def can_change_password(self): return False`: a method whose body (after a docstring) only answers False."""
    statements = _body_statements(function)
    line = statements[0] if len(statements) == 1 else None
    return isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1 and isinstance(line.body[0], cst.Return) \
        and isinstance(line.body[0].value, cst.Name) and line.body[0].value.value == "False"


def _abstract_model(owner: cst.ClassDef) -> bool:
    """A Django abstract model (`class Meta: abstract = True`): a base whose concrete models override its defaults
    (django-otp's `Device.verify_is_allowed`)."""
    for statement in owner.body.body:
        if type(statement) is cst.ClassDef and statement.name.value == "Meta":
            for line in statement.body.body:
                for small in getattr(line, "body", ()):
                    if type(small) is cst.Assign and any(type(t.target) is cst.Name and t.target.value == "abstract"
                                                         for t in small.targets) \
                            and type(small.value) is cst.Name and small.value.value == "True":
                        return True
    return False


def _is_signal_receiver(node: cst.FunctionDef) -> bool:
    """`def user_login_failed(self, sender, credentials, request=None, **kwargs)`: a receiver of a signal (Django's,
    blinker's), which reacts to an event the `sender` sent and answers no caller, whatever the event is called."""
    params = [param.name.value for param in node.params.params]
    return "sender" in params[:2]


def _body_statements(node: cst.FunctionDef) -> list[cst.BaseStatement | cst.BaseSmallStatement]:
    """The body's statements without a leading docstring."""
    body = node.body
    statements: list[cst.BaseStatement | cst.BaseSmallStatement] = list(
        body.body if isinstance(body, (cst.IndentedBlock, cst.SimpleStatementSuite)) else [])
    first = statements[0] if statements else None
    is_docstring = (isinstance(first, cst.SimpleStatementLine) and len(first.body) == 1
                    and isinstance(first.body[0], cst.Expr)
                    and isinstance(first.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))
    is_docstring |= isinstance(first, cst.Expr) and isinstance(first.value, (cst.SimpleString, cst.ConcatenatedString))
    return statements[1:] if is_docstring else statements


def _on_queryset(node: cst.BaseExpression) -> bool:
    """`user.groups.filter(name="x")`, `Team.objects`: a Django queryset or manager."""
    if type(node) is cst.Call:
        node = node.func
    return type(node) is cst.Attribute and node.attr.value in QUERYSET_METHODS


# Words of a mixin's name that say it lets only some callers in (`ManagerOnlyMixin`, `VerifiedRequiredMixin`), beside
# the guard words (`StaffMixin`); not a `ReadOnlyMixin`, which is about the methods.
MIXIN_ENFORCING_WORDS = frozenset({"required", "requires", "only"})


def _named_to_restrict(name: str) -> bool:
    words = set(name_words(name))
    return reads_as_guard(name) or bool(words & MIXIN_ENFORCING_WORDS) and "read" not in words


# Django's access mixins, whose `dispatch` refuses the callers their check turns away (`UserPassesTestMixin` is named
# for no restriction but refuses whom its `test_func` fails).
ACCESS_MIXINS = frozenset({"LoginRequiredMixin", "PermissionRequiredMixin", "UserPassesTestMixin"})


def _defers_to_guarding_base(owner: cst.ClassDef, dispatch: cst.FunctionDef) -> bool:
    """`class BaseAuthorizationView(LoginRequiredMixin, View)` whose `dispatch` sets the view up (`self.oauth2_data =
    {}`), tests nothing, and hands on to `super().dispatch(...)`: that reaches a base that refuses (a Django access
    mixin, a mixin named to restrict), and the override is there for its setup, not to guard. One that is only
    `return super().dispatch(...)` (`AdminRequiredMixin(LoginRequiredMixin)` left unwritten) and one that tests the
    user and only warns still check nothing of their own, whatever their bases."""
    bases = {(get_full_name_for_node(base.value) or "").rpartition(".")[2] for base in owner.bases}
    if not any(base in ACCESS_MIXINS or _named_to_restrict(base) for base in bases if base):
        return False
    return len(_body_statements(dispatch)) > 1 and not any(isinstance(node, (cst.If, cst.IfExp, cst.BooleanOperation))
                                   for node in walk_own(dispatch.body))


class AuthCheckAlwaysPasses(Rule):
    """An auth or permission check that returns a constant truthy value, or whose body is a placeholder.

    ## What it does
    Reports a function named like an authentication or authorisation check (`is_authenticated`,
    `verify_token`, `check_permission`, `has_access`, `is_admin`, `authorize`, `validate_api_key`, ...)
    (or the `test_func` of a Django `UserPassesTestMixin` class, the check the mixin calls whatever its name)
    whose body, after its docstring, is only `pass` or `...`, or whose every return gives a constant truthy
    value (`return True`, or `return ok and user.role == "admin" or "owner"`: an `or` with a constant is always
    true; or a value compared with itself, `return obj.author == obj.author`, which compares nothing) while nothing in
    it can fail: no other call than logging, no `raise`, no `assert`
    (not a check named for a setting's shape, `validate_id_token_encrypted_response_alg` or
    `validate_password_length`: an empty one accepts a value but lets no one in).
    A lambda bound to such a name (`is_admin = lambda user: True`) is reported too, and so is a guard
    decorator (`admin_required`, `require_api_key`, `token_required`) whose wrapper calls the view on every
    path (an always-true test such as `if not user or True:` counts, the refusal after it being dead code)
    and can refuse on none: no `raise`, no `abort`, no other value returned, no call that may fail
    beyond lookups such as `session.get(...)` and logging. A wrapper that hands the view a value it read
    (`view(token, *args)`) injects it for the view to check and is left alone, and so is a factory's wrapper that
    calls the check the factory was given (`auth_decorator(check_auth)`: `check_auth(self)`, then the method). A Flask/Quart
    `before_request` hook named to enforce access (`require_login`, `check_auth`; not `load_user`) that can
    refuse no request the same way is reported too (not one a guard decorator wraps, `@login_required` below
    `@bp.before_request`, which refuses for it), and so is the `dispatch` of a mixin named to restrict
    (`StaffRequiredMixin`, `ManagerOnlyMixin`) that tests the user, at most warns or logs, and returns
    `super().dispatch(...)` on every path (not a decorated one, `@method_decorator(staff_member_required)`, whose
    decorator does the refusing, nor one that only sets the view up, `self.oauth2_data = {}`, testing nothing, in a
    class whose base refuses, `BaseAuthorizationView(LoginRequiredMixin, View)`), and so is a dependency named for a
    role (`require_admin`, `get_current_superuser`, `staff_only`; or built by a factory so named,
    `require_role("admin")`) that hands back the caller the framework injected (`user = Depends(get_current_user)`)
    without testing anything, or whose tests refuse no one (`if user.role != "staff": pass`; `if user.role == role or
    "admin": return user`, always true, the refusal after it dead code): every signed-in caller passes it. So is a
    call of a check named as a question (`is_tenant_admin(user)`, `current_is_admin()`) or for what it requires
    (`admin_required()`) alone on its line,
    where the same file, or the auth module it is imported from (`security`, `auth`, `permissions`, `deps`... beside
    the file or one package up: `from ..security import is_tenant_admin`), defines it to answer and raise nowhere
    (a flask-jwt-extended `verify_jwt_in_request()` in it refuses only callers without a token, not the role it asks
    about): its answer is thrown away (a check out of view may refuse by raising, as many projects' `await
    can_access_model(...)` do). So is an `if` whose `or` joins a test that a value is there with a test of a role
    read from it (`if role is not None or role == "admin":`, `if membership or membership.role == "owner":`): every
    caller who has one passes. Whatever its verb (`require_org_admin(request, org_id)`), so is a check defined so
    that, raising nowhere itself, it answers only tests (`membership = require_member(request, org_id)`, then `return
    membership.role in ("admin", "owner")`): the call in it refuses strangers, the role it answers is thrown away.
    So is a check that can deny only by raising (annotated `-> None`, or a Litestar guard taking an `ASGIConnection`)
    and raises nowhere, nor calls anything but logging (`def can_manage(connection, handler): log.debug(...)`).
    So is a check that hands back the credential it was given without testing it (`def authenticate(self, request,
    key): return key` in a Django Ninja `APIKeyHeader`, `def verify_token(token): return token`): any value passes.
    So is a check whose every return is an `or` with a constant (`return membership is not None or user.is_staff or
    True`) after calls that cannot change that answer, unless it raises or asserts, and, in any function, an `if` whose
    test asks about the caller (a word such as `user`, `username`, `role`, `admin`, `token`, `permission`) and is made
    always true by an `or` with a constant (`if request.username or True:`, `if user.role == "admin" or "staff":`),
    reported at the test unless the rule reports the function around it otherwise.

    Abstract methods, `@overload` stubs, methods of `Protocol`/`ABC` classes and of zope.interface declarations (`class
    ICSRFStoragePolicy(Interface)`, and interfaces that extend them), test files, `is_authenticated` on user classes (the
    Flask-Login and Django convention), permission classes named or documented as allow-all (`AllowAny`, `PublicAccess`,
    `AlwaysAvailable`, `BlanketPermissionPolicy`, `FullAccessSecurityProfile`, "a policy that gives everyone full permission",
    "Default case is always true"), null objects that switch a check off (`AxesDummyHandler`, a `NoopPolicy`, "handler
    implementation that does nothing"), signal receivers (a `sender` parameter: `def user_login_failed(self, sender,
    credentials, **kwargs)` reacts to an event), functions a guard decorator wraps (`@login_required` refuses for
    them), the permission hooks of a Django `ModelAdmin` or inline
    (`has_delete_permission`: the admin site lets only signed-in staff reach them), and the defaults of classes named to be
    overridden (`BasePermission`, `DefaultAccountAdapter`, `AbstractAuth`, `AuthMixin`, a Django abstract model: subclasses
    and settings replace their answer; not a mixin named to enforce, `StaffRequiredMixin`), methods whose docstring tells a
    subclass to override them or how to refuse ("Raise AuthorizationError to deny access"), or names them a hook for
    subclasses or custom policies or their answer a default ("Hook for subclasses to validate run access.", "Hook to
    allow custom authorization policies. True by default."), and defaults the same file replaces (a
    subclass there overrides the method, or the class rebinds it on the instance when configured: `self.is_allowed = lambda
    path: ...`), and one answer of a family's capability (a class sharing a base of the file answers False:
    `can_change_password` of each kind of keystore) are not reported, nor is a stream's answer about itself
    (`can_write_eof`, asyncio's transport interface, `can_read_bytes`). A check that returns who is authenticated (`return
    (self.user, self.token)`) does not return a constant. An `if` that refuses
    (its body raises or returns) on a method it never calls is reported too: `if not
    user.groups.filter(name="staff").exists:` tests a bound method, which is always true (`exists`, `has_perm`,
    `check_password`, ...).

    It also reports a one-time code check that accepts codes from far around now: pyotp's `verify(code,
    valid_window=N)` with a literal `N` above 2 (each step is 30 seconds; `valid_window=120` accepts 241 codes, an hour
    either side), which makes a six-digit code guessable.

    And it reports a check or role guard (`admin_required`, `is_admin`, its nested wrapper too) that tests whether a
    privilege flag is present rather than what it says: `if claims.get("is_admin") is None: abort(403)`, `"is_staff" in
    session`, and for a guard named for a role (also a check of one role named by a noun for a person: `is_librarian`,
    `editor_required`), `session.get("role") is None`; every mention of the key in the check is
    such a test (one that also reads the value, `claims["is_admin"]`, is left alone, and so is `"admin" in user.roles`,
    a role looked up among the caller's). A token that carries `is_admin: false` passes.

    ## Why is this bad?
    Coding agents stub the hard part to make the demo run: `def verify_token(token): return True  # TODO`.
    Every caller then trusts a check that lets anyone in, and nothing fails to remind anyone that the
    check was never written. A placeholder body is as bad for checks that signal failure by raising: it
    never raises.

    ## Example
    ```python
    def verify_api_key(key: str) -> bool:
        \"\"\"Check the caller's API key.\"\"\"
        # TODO: look the key up
        return True
    ```

    ## Use instead
    ```python
    import hmac

    def verify_api_key(key: str) -> bool:
        \"\"\"Check the caller's API key.\"\"\"
        return any(hmac.compare_digest(key, known) for known in settings.API_KEYS)
    ```

    ## Options
    - `name-pattern` (regular expression): names of functions that are auth or permission checks.

    ## References
    - [CWE-287: Improper Authentication](https://cwe.mitre.org/data/definitions/287.html)
    - [CWE-863: Incorrect Authorization](https://cwe.mitre.org/data/definitions/863.html)
    - [OWASP Top 10 A07: Identification and Authentication Failures](https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/)
    """

    code = "VC212"
    name = "auth-check-always-passes"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (287, 863)
    applies_to_tests = False  # a guard in a test file is a stub that no client reaches
    supersedes = ("VC501",)
    cache_inputs = (check_modules_inputs,)  # the auth modules a dropped check's answer is read from

    @dataclass(frozen=True)
    class Options:
        name_pattern: str = DEFAULT_NAME_PATTERN

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.pattern = _pattern(self.options.name_pattern)
        self.scopes: list[Frame | cst.ClassDef] = []
        self.in_decorator = 0
        self.in_trace = 0  # enclosing logging calls
        # An uncalled check method is an attribute named in the source: a file without any such name has no if to walk.
        self._source_names_uncalled_check = any(name in context.source for name in UNCALLED_CHECKS)
        self._presence_owner: cst.FunctionDef | None = None  # the outermost check whose claim tests were read
        # Always-true tests of the caller in the outermost function being walked, reported when it is left unless the
        # rule reported that function otherwise (a guard decorator whose wrapper tests `if not user or True:`), and the
        # rule's report count when it was entered.
        self._constant_ors: list[cst.BooleanOperation] = []
        self._reports_before = 0

    def _frame(self) -> Frame | None:
        return self.scopes[-1] if self.scopes and isinstance(self.scopes[-1], Frame) else None

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self._frame_depth() == 0:
            self._reports_before = self._own_reports()
        self.scopes.append(Frame(node))
        name = node.name.value
        one_role = _names_one_role(name)
        if self._presence_owner is None and (self._names_a_check(name) or _names_role_guard(name) or one_role):
            self._presence_owner = node
            names_role = one_role or bool(set(name_words(name)) & (ROLE_GUARD_WORDS - {"role", "roles"}))
            for test, key in presence_tests(node, names_role=names_role):
                self.report(test, f"`{self.context.module.code_for_node(test)}` tests whether `{key}` is present, not "
                            f"what it says, so a caller whose claims carry `{key}` with any value (`false` too) passes.",
                            hint=f"Test the value: `if not claims.get(\"{key}\"):` refuse (or compare the role "
                            "with the one required).")

    def visit_If(self, node: cst.If) -> None:
        """`if request.username or True:`: a test of the caller made always true; and `if not
        user.groups.filter(name="librarians").exists: raise GraphQLError(...)`: a method never called."""
        if type(node.test) is cst.BooleanOperation and not self.context.is_test_file:
            self._check_constant_or(node.test)
            moot = role_test_made_moot(node.test)
            if moot is not None:
                code = self.context.module.code_for_node
                self.report(node.test, f"The test `{code(node.test)}` passes whenever `{moot[0]}` is set: the `or` "
                            f"makes `{code(moot[1])}` decide nothing, so every caller who has one gets through.",
                            hint=f"Join the tests with `and` (`{moot[0]} is not None and ...`), or test the role alone.")
        if not self._source_names_uncalled_check:
            return
        checks = [n for n in walk_own(node.test) if type(n) is cst.Attribute and n.attr.value in UNCALLED_CHECKS]
        if not checks:  # most tests name none, and their bodies are not walked
            return
        called = {id(n.func) for n in walk_own(node.test) if type(n) is cst.Call}
        uncalled = next((n for n in checks if id(n) not in called
                         and (n.attr.value != "exists" or _on_queryset(n.value))), None)
        if uncalled is not None and any(type(n) in (cst.Raise, cst.Return) for n in walk_own(node.body)):
            self.report(uncalled, f"`.{uncalled.attr.value}` is a method that this check never calls: the bound method "
                        "is always true, so the test never refuses anyone it is meant to.",
                        hint=f"Call it: `.{uncalled.attr.value}()`, and test that a caller without the right is refused.")

    def _frame_depth(self) -> int:
        return sum(1 for scope in self.scopes if isinstance(scope, Frame))

    def _own_reports(self) -> int:
        return sum(1 for pending in self.context.reports if pending.rule is type(self))

    def _report_constant_ors(self) -> None:
        """The always-true tests of the outermost function just left, unless the rule reported it otherwise."""
        pending, self._constant_ors = self._constant_ors, []
        if self._own_reports() != self._reports_before:
            return
        code = self.context.module.code_for_node
        for test in pending:
            self.report(test, f"The test `{code(test)}` is always true: `or {code(test.right)}` is a constant, not a "
                        "comparison, so it lets every caller through.",
                        hint="Drop the constant and test the caller's right itself, then check that a caller without "
                        "it is refused.")

    def _check_constant_or(self, test: cst.BooleanOperation) -> None:
        """`if request.username or True:`, `if user.is_admin or 1:`: an `or` with a constant makes a test of the caller
        always true, so whatever it guards runs for everyone and the refusal it was written for is dead code."""
        if type(test.operator) is not cst.Or or not always_true(test) or _is_truthy_constant(test.left):
            return
        asked = {word for node in walk_own(test) for word in name_words(_last_word(node))}
        if asked & CALLER_TEST_WORDS:
            self._constant_ors.append(test)
            if not self._frame_depth():
                self._report_constant_ors()

    def visit_Return(self, node: cst.Return) -> None:
        frame = self._frame()
        if frame is not None:
            frame.returns.append(node)

    def visit_Raise(self, node: cst.Raise) -> None:
        self._mark_refusal()

    def visit_Assert(self, node: cst.Assert) -> None:
        self._mark_refusal()

    def _mark_refusal(self) -> None:
        self._mark_check()
        frame = self._frame()
        if frame is not None and not self.in_decorator:
            frame.refuses = True

    def visit_Yield(self, node: cst.Yield) -> None:
        self._mark_check()

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        last = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
        if last == OTP_VERIFY:
            self._check_code_window(node)
        if last in TRACE_CALLS:
            self.in_trace += 1  # what a log line formats (`user.get("sub")`) decides nothing
        elif not self.in_trace:
            self._mark_check()

    def _check_code_window(self, node: cst.Call) -> None:
        """`totp.verify(code, valid_window=120)`: every code of the last and next hour is accepted."""
        window = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == WINDOW_KEYWORD), None)
        steps = literal_value(window) if window is not None else None
        if type(steps) is not int or steps <= MAX_CODE_WINDOW:
            return
        accepted = 2 * steps + 1
        self.report(node, f"`valid_window={steps}` makes the one-time code check accept any of {accepted} codes, those "
                    f"of {steps} steps before and after now, so a guessed code passes about once in "
                    f"{1_000_000 // accepted:,} tries.", severity=Severity.MEDIUM,
                    hint="Use `valid_window=1` (one step of clock drift) and limit the attempts per account.")

    def leave_Call(self, original_node: cst.Call) -> None:
        func = original_node.func
        last = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
        if last in TRACE_CALLS:
            self.in_trace -= 1

    def visit_Decorator(self, node: cst.Decorator) -> None:
        self.in_decorator += 1

    def leave_Decorator(self, node: cst.Decorator) -> None:
        self.in_decorator -= 1

    def visit_Parameters(self, node: cst.Parameters) -> None:
        self.in_decorator += 1  # `user = Depends(current_user)` is how the check gets the caller, not a check of it

    def leave_Parameters(self, node: cst.Parameters) -> None:
        self.in_decorator -= 1

    def _mark_check(self) -> None:
        frame = self._frame()
        if frame is not None and not self.in_decorator:
            frame.checks = True

    def visit_Expr(self, node: cst.Expr) -> None:
        """`is_tenant_admin(user)` or `admin_required()` alone on its line, where this module or the auth module it is
        imported from shows the function only answers (it raises nowhere): the answer of an auth check is thrown
        away. Many projects name checks that raise as questions too (`await can_team_access_model(...)`), so a
        function out of view is given the benefit of the doubt."""
        call = node.value.expression if type(node.value) is cst.Await else node.value
        if type(call) is not cst.Call or self.context.is_test_file or type(call.func) not in (cst.Name, cst.Attribute):
            return
        name = callee_tail(call.func) or ""
        if not self._names_a_check(name) or not answers_only(self.context, call.func):
            return
        self.report(call, f"The answer of the check `{name}(...)` is thrown away, so the code after it runs whatever "
                    "it answers.", hint=f"Refuse when the check fails: `if not {name}(...): raise` a 403.")

    def _names_a_check(self, name: str) -> bool:
        """A question (`is_tenant_admin`) or a requirement (`admin_required`, read as `require_admin`) whose subject
        the name pattern takes for an auth check, or a name the pattern takes as it is (`require_org_admin`,
        `check_access`): the caller has shown it only answers, whatever its verb promises."""
        question = QUESTION.match(name)
        required = REQUIREMENT.match(name)
        subject = question.group(1) if question else f"require_{required.group(1)}" if required else name
        return self.pattern.match(subject) is not None

    def visit_Assign(self, node: cst.Assign) -> None:
        if type(node.value) is not cst.Lambda or len(node.targets) != 1:
            return
        target = node.targets[0].target
        if isinstance(target, cst.Name) and self.pattern.match(target.value) and _is_truthy_constant(node.value.body):
            self.report(node.value, f"The check `{target.value}` is a lambda that always returns "
                        f"`{self.context.module.code_for_node(node.value.body)}`, so it lets everyone through.",
                        hint=f"Implement `{target.value}` so that it returns False or raises for callers without access.")

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._judge_function(node)
        if self._frame_depth() == 0 and self._constant_ors:
            self._report_constant_ors()

    def _judge_function(self, node: cst.FunctionDef) -> None:
        if node is self._presence_owner:
            self._presence_owner = None
        frame = cast(Frame, self.scopes.pop())
        name = node.name.value
        if self.context.path.endswith(".pyi"):
            return
        if reads_as_guard(name) and self._report_open_guard(node):
            return
        if self._report_open_hook(node) or self._report_open_dispatch(node):
            return
        if self._report_role_pass_through(node, frame) or not (self.pattern.match(name) or self._is_check_method(node)):
            return
        if self._exempt(node) or (name_words(name) or [""])[-1] in METADATA_WORDS:
            return
        if self._report_credential_echo(node, frame):
            return
        statements = _body_statements(node)
        anchor = node.decorators[0] if node.decorators else node
        if all(self._is_placeholder(s) for s in statements):
            self.report(anchor, f"The check `{name}` has a placeholder body, so it never denies anyone.",
                        hint=f"Implement `{name}` so that it returns False or raises for callers without access.")
            return
        if self._report_raiseless_guard(node, frame, anchor):
            return
        last = statements[-1] if statements else None
        ends_with_return = isinstance(last, cst.Return) or (
            isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return))
        if not ends_with_return or not frame.returns or (frame.checks and not self._or_constant_answers(frame)):
            return
        if all(r.value is not None and (_is_truthy_constant(r.value) or always_true(r.value)) for r in frame.returns):
            returned = frame.returns[-1].value
            value = self.context.module.code_for_node(returned)  # type: ignore[arg-type]
            if isinstance(returned, cst.BooleanOperation):
                constant = self.context.module.code_for_node(returned.right)
                self.report(anchor, f"The check `{name}` returns `{value}`, always true: `or {constant}` is a constant, "
                            "not a comparison, so it lets everyone through.",
                            hint=f"Compare each value (`x == a or x == b`, `x in (a, b)`) so that `{name}` can answer "
                            "False.")
                return
            self.report(anchor, f"The check `{name}` always returns `{value}`, so it lets everyone through.",
                        hint=f"Implement `{name}` so that it returns False or raises for callers without access.")

    @staticmethod
    def _or_constant_answers(frame: Frame) -> bool:
        """`return membership is not None or user.is_staff or True` on every path, and no `raise` or `assert`: whatever
        the calls before found, the answer is the constant; only refusing by raising could still deny."""
        return not frame.refuses and all(type(r.value) is cst.BooleanOperation and always_true(r.value)
                                         for r in frame.returns)

    def _report_raiseless_guard(self, node: cst.FunctionDef, frame: Frame, anchor: cst.CSTNode) -> bool:
        """`def can_manage(connection: ASGIConnection, handler) -> None: log.debug(...)`: a check that can only deny by
        raising (it answers `None`, or is a Litestar guard, whose return value nobody reads) and raises nowhere, nor
        calls anything but logging that could."""
        if frame.checks or any(r.value is not None for r in frame.returns):
            return False
        returns_none = node.returns is not None and get_full_name_for_node(node.returns.annotation) == "None"
        params = node.params.params
        litestar_guard = bool(params) and params[0].annotation is not None \
            and (get_full_name_for_node(params[0].annotation.annotation) or "").rpartition(".")[2] in GUARD_CONNECTIONS
        if not (returns_none or litestar_guard):
            return False
        name = node.name.value
        self.report(anchor, f"The check `{name}` can only deny by raising, and it raises nowhere, so it lets everyone "
                    "through.", hint=f"Make `{name}` raise (e.g. `NotAuthorizedException`) for callers without access.")
        return True

    def _report_role_pass_through(self, node: cst.FunctionDef, frame: Frame) -> bool:
        """`def require_admin(user = Depends(current_user)): return user`: a role guard that hands back the caller it
        was given without looking at the role, so every signed-in caller passes. The dependency a factory such as
        `require_role("admin")` builds (`def checker(user = Depends(...)): return user`) is judged by the factory's name."""
        outer = self.scopes[-1] if self.scopes and isinstance(self.scopes[-1], Frame) else None
        name = next((n for n in (node.name.value, outer.node.name.value if outer is not None else "")
                     if _names_role_guard(n)), None)
        if name is None or not frame.returns:
            return False
        if not all(isinstance(r.value, cst.Name) for r in frame.returns) or self._exempt(node):
            return False
        returned = {cast(cst.Name, r.value).value for r in frame.returns}
        injected = injected_parameters(node, self.context.imports, self.context.module)
        if not returned <= injected:
            return False  # only a dependency the framework hands the caller to (`Depends(current_user)`) is a guard
        looks = frame.checks or _tests_anything(node)
        if looks and not never_refusing_dependency(node, set(injected)):
            return False
        caller = sorted(returned)[0]
        how = "on every path that runs and refuses no one" if looks else "without looking at its role"
        self.report(node.decorators[0] if node.decorators else node,
                    f"The role check `{name}` returns `{caller}` {how}, so every signed-in caller passes.",
                    hint=f"Make `{name}` raise (403) unless `{caller}` holds the role its name says.")
        return True

    def _report_credential_echo(self, node: cst.FunctionDef, frame: Frame) -> bool:
        """`def authenticate(self, request, key): return key`: a check that hands back the credential it was given,
        untested, so any value the caller sends is accepted as valid (Django Ninja and similar auth classes take a
        truthy answer as success)."""
        if frame.checks or not frame.returns or not all(type(r.value) is cst.Name for r in frame.returns) \
                or _tests_anything(node):
            return False
        params = {p.name.value for p in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params)}
        returned = {cast(cst.Name, r.value).value for r in frame.returns}
        if not returned <= params or not all((name_words(n) or [""])[-1] in CREDENTIAL_WORDS for n in returned):
            return False
        credential = sorted(returned)[0]
        self.report(node.decorators[0] if node.decorators else node,
                    f"The check `{node.name.value}` returns the credential `{credential}` it was handed without "
                    "testing it, so any value a caller sends passes.",
                    hint=f"Compare `{credential}` with the stored one (`hmac.compare_digest`) or look it up, and return "
                    "None or raise when it does not match.")
        return True

    def _report_open_guard(self, node: cst.FunctionDef) -> bool:
        """A guard decorator (`admin_required`) whose wrapper calls the view on every path and refuses on none."""
        wrapper = never_refusing_wrapper(node)
        if wrapper is None or self._exempt(node):
            return False
        name = node.name.value
        anchor = node.decorators[0] if node.decorators else node
        self.report(anchor, f"The guard decorator `{name}` calls the function it wraps on every path, so it lets "
                    "everyone through to every view it protects.",
                    hint=f"Make `{wrapper.name.value}` refuse callers without access: `abort(401)`/`abort(403)`, "
                    "raise, or return an error response before calling the view.")
        return True

    def _report_open_dispatch(self, node: cst.FunctionDef) -> bool:
        """The `dispatch` of a mixin named to enforce access (`StaffRequiredMixin`) that hands every request on."""
        owner = self.scopes[-1] if self.scopes and isinstance(self.scopes[-1], cst.ClassDef) else None
        if node.name.value != "dispatch" or owner is None or not _named_to_restrict(owner.name.value) \
                or not never_refusing_dispatch(node) or _defers_to_guarding_base(owner, node):
            return False
        self.report(node, f"`{owner.name.value}.dispatch` passes every request on to the view, so the mixin lets "
                    "everyone through to every view built on it.",
                    hint=f"Make `{owner.name.value}.dispatch` refuse callers without access: `raise PermissionDenied`, "
                    "or return `self.handle_no_permission()`, before calling `super().dispatch(...)`.")
        return True

    def _report_open_hook(self, node: cst.FunctionDef) -> bool:
        """A before-request hook named to enforce access (`require_login`) that lets every request through."""
        hooks = {(get_full_name_for_node(d.decorator) or "").rsplit(".", 1)[-1] for d in node.decorators}
        if not hooks & REQUEST_HOOKS or not is_enforcing_hook_name(name_words(node.name.value)):
            return False
        if any(reads_as_guard(name) for name in hooks - REQUEST_HOOKS):
            return False  # `@bp.before_request` over `@login_required`: the decorator refuses, the body need not
        if not never_refusing_hook(node):
            return False
        name = node.name.value
        self.report(node.decorators[0], f"The before-request hook `{name}` can refuse no request: it neither aborts, "
                    "raises nor returns a response, so every request goes on.",
                    hint=f"Make `{name}` refuse requests without access: `abort(401)`, or return an error response.")
        return True

    def _is_check_method(self, node: cst.FunctionDef) -> bool:
        """`def test_func(self)` of a `UserPassesTestMixin` view or mixin: the check the framework calls, whatever its
        name says."""
        bases = CHECK_METHODS.get(node.name.value)
        owner = self.scopes[-1] if self.scopes and isinstance(self.scopes[-1], cst.ClassDef) else None
        if bases is None or owner is None:
            return False
        return any((self.qualified_name(b.value) or "").rpartition(".")[2] in bases for b in owner.bases)

    _classes: dict[str, _ClassFacts] | None = None  # the module's classes, read on the first question about them

    def _exempt(self, node: cst.FunctionDef) -> bool:
        decorators = {(self.qualified_name(d.decorator) or "").rsplit(".", 1)[-1] for d in node.decorators}
        if decorators & ABSTRACT_DECORATORS or _is_signal_receiver(node):
            return True
        if any(reads_as_guard(name) for name in decorators - REQUEST_HOOKS):
            return True  # `@login_required` over it refuses whoever its body lets through
        owner = self.scopes[-1] if self.scopes and isinstance(self.scopes[-1], cst.ClassDef) else None
        if owner is None:
            return False
        bases = {(self.qualified_name(b.value) or "").rsplit(".", 1)[-1] for b in owner.bases}
        bases |= {(self.qualified_name(k.value) or "").rsplit(".", 1)[-1] for k in owner.keywords}
        overridable = (OVERRIDABLE_CLASS.search(owner.name.value) or _abstract_model(owner)) \
            and not ENFORCING_CLASS_WORDS & set(name_words(owner.name.value))
        if bases & INTERFACE_BASES or ALLOW_ALL_CLASS.search(owner.name.value) or overridable \
                or ALLOW_ALL_DOC.search(owner.get_docstring() or ""):
            return True
        if HOOK_DOCSTRING.search(node.get_docstring() or ""):
            return True
        if node.name.value in ADMIN_PERMISSION_HOOKS and any(b.endswith(ADMIN_CLASS_SUFFIXES) for b in bases):
            return True
        if INTERFACE_NAME.match(owner.name.value) and bases and all(INTERFACE_NAME.match(base) for base in bases):
            return True
        if self._replaced(owner, node.name.value):
            return True
        user_class = USER_CLASS.search(owner.name.value) or any(USER_CLASS.search(b) for b in bases)
        return node.name.value in USER_PROPERTIES and bool(user_class)

    def _replaced(self, owner: cst.ClassDef, method: str) -> bool:
        """A default the module replaces: a subclass in this file overrides the method, or the class rebinds it on
        the instance (`self.is_allowed = lambda name: ...` when configured). The permissive body then only
        answers for the base or for an unconfigured instance, as documented hooks do."""
        classes = self._classes
        if classes is None:
            classes = self._classes = _module_classes(self.context.module)
        if method in classes.get(owner.name.value, _ClassFacts()).rebound:
            return True
        pending, seen = [owner.name.value], set()
        while pending:
            base = pending.pop()
            seen.add(base)
            for name, facts in classes.items():
                if base in facts.bases and name not in seen:
                    if method in facts.methods:
                        return True
                    pending.append(name)
        return self._answered_by_siblings(owner.name.value, method, classes)

    @staticmethod
    def _answered_by_siblings(owner: str, method: str, classes: dict[str, _ClassFacts]) -> bool:
        """One answer of a family's capability: another class of the module that shares a base of the module with
        the owner answers False (`Imported_KeyStore.can_change_password` answers True, `Hardware_KeyStore`'s False):
        what each kind declares it can do, not a check stubbed to pass (a sibling that checks something instead
        leaves a stub beside it reported)."""
        def ancestors(name: str) -> set[str]:
            found: set[str] = set()
            pending = [name]
            while pending:
                for base in classes.get(pending.pop(), _ClassFacts()).bases:
                    if base in classes and base not in found:
                        found.add(base)
                        pending.append(base)
            return found

        family = ancestors(owner)
        return bool(family) and any(method in facts.refusing and ancestors(name) & family
                                    for name, facts in classes.items() if name != owner)

    @staticmethod
    def _is_placeholder(statement: cst.CSTNode) -> bool:
        if isinstance(statement, cst.SimpleStatementLine):
            return all(AuthCheckAlwaysPasses._is_placeholder(s) for s in statement.body)
        if isinstance(statement, cst.Pass):
            return True
        return isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Ellipsis)
