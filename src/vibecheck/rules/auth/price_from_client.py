"""VC231: a price, total or amount to charge, refund or pay out taken from the client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import libcst as cst

from vibecheck.analysis.callable_aliases import function_aliases
from vibecheck.analysis.flow import (
    CLEAN,
    SUMMARISED_KINDS,
    FlowState,
    SourceFinder,
    Taint,
    call_words,
    dotted_name,
    iter_expressions,
    keyed_read,
    last_parts,
    names_raising_validator,
    request_source,
    short_code,
    walked_statements,
)
from vibecheck.analysis.nodes import callee_tail, head_name
from vibecheck.analysis.secrets_names import name_words
from vibecheck.analysis.sql_columns import sql_parameter_columns
from vibecheck.analysis.summary_keys import ORIGIN
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.security._client_sinks import ClientSinkRule
from vibecheck.rules.security._size_sinks import LOWER_END_NUMBERS, NUMBER_CONVERSIONS

# Payment SDKs: a call resolved into one of them (`stripe.PaymentIntent.create`), or, in a module importing one, a call
# on a payment resource of a client object (`razorpay_client.order.create`, `gateway.transaction.sale`).
PAYMENT_SDKS = ("stripe", "braintree", "paypalrestsdk", "paypalcheckoutsdk", "paypalserversdk", "razorpay", "Adyen",
                "adyen", "square", "squareup", "mollie", "checkout_sdk", "paystackapi", "mercadopago", "lemonsqueezy")
PAYMENT_PREFIXES = tuple(f"{sdk}." for sdk in PAYMENT_SDKS)
PAYMENT_RESOURCES = frozenset({"payment", "payments", "paymentintent", "paymentintents", "intents", "charge", "charges",
                               "refund", "refunds", "order", "orders", "transaction", "transactions", "checkout",
                               "session", "sessions", "payout", "payouts", "transfer", "transfers", "invoiceitem",
                               "invoiceitems", "price", "prices", "paymentlink", "paymentlinks", "subscription"})
PAYING_VERBS = frozenset({"create", "modify", "update", "sale", "capture", "charge", "refund", "payments", "credit",
                          "submit", "authorize", "create_order"})
# The keys of a provider's request that hold money (Stripe's `amount`, `unit_amount`; PayPal's, Adyen's and Mollie's
# `{"amount": {"value": ...}}`; Square's `amount_money`). Stripe's `price` is an id: the price lives at Stripe.
PROVIDER_AMOUNT_KEYS = frozenset({"amount", "unit_amount", "unit_amount_decimal", "amount_decimal", "total",
                                  "amount_money", "application_fee_amount"})
NESTED_AMOUNT_KEYS = frozenset({"value", "amount", "total", "currency_value"})
# What an order, payment or payout row is called, and the words of its money fields (`total_cents`, `unit_price`).
ORDER_NOUNS = frozenset({"order", "orders", "purchase", "purchases", "payment", "payments", "payout", "payouts",
                         "refund", "refunds", "checkout", "checkouts", "sale", "sales", "charge", "charges", "cart",
                         "carts", "basket"})
MONEY_WORDS = frozenset({"total", "subtotal", "amount", "price", "cost", "discount", "fee", "charge"})
# Words that make a field or key something other than money (`price_id`, `discount_code`, `amount_currency`) or a count.
NOT_MONEY_WORDS = frozenset({"id", "ids", "code", "codes", "currency", "type", "name", "key", "slug", "sku", "plan",
                             "tier", "label", "description", "status", "url", "count", "quantity", "qty"})
QUANTITY_WORDS = frozenset({"quantity", "quantities", "qty", "count", "seats", "units", "licenses"})
# Where the client's choice of amount is the point (a donation, a tip, a top-up of the caller's own balance).
CHOSEN_AMOUNT_WORDS = frozenset({"donate", "donation", "donations", "tip", "tips", "topup", "top", "deposit",
                                 "contribute", "contribution", "pledge", "gift", "bid", "offer", "quote"})
SUMMING_CALLS = frozenset({"sum", "math.fsum", "fsum", "max"})
SQL_RUNNERS = frozenset({"execute", "executemany", "exec_driver_sql", "execute_sql", "query", "run"})
WRITING_METHODS = frozenset({"create", "objects.create", "insert", "insert_one", "add", "update", "update_one",
                             "get_or_create", "update_or_create", "put_item", "save"})


def price_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input that may be money: not a count or an id the client names (`body["quantity"]`, `body.price_id`),
    not a value capped by a stored one (`min(amount, balance)`) or checked (`if amount != order.total:`); sums and
    number conversions of client input stay the client's. In a function named for an amount the client chooses (a
    donation, a tip) nothing is: neither its sinks nor the helpers it passes the amount to report it."""
    if isinstance(state, PriceState) and state.chosen:
        return CLEAN
    kind = type(node)
    if kind is cst.Call:
        call: cst.Call = node  # type: ignore[assignment]
        name = state.qualified_name(call) or dotted_name(call.func) or ""
        if name == "min" and len(call.args) >= 2 and holds_a_bound([state.taint_of(arg.value) for arg in call.args]):
            return CLEAN
        if (name in NUMBER_CONVERSIONS or name in SUMMING_CALLS) and call.args:
            return _first_taint(call, state)
    if kind in (cst.Subscript, cst.Attribute, cst.Call):
        read = keyed_read(node) or (dotted_name(node) if kind is cst.Attribute else None)
        if read is not None and isinstance(state, PriceState) and read in state.checked_reads:
            return CLEAN
        key = _read_key(node)
        if key is not None and not _may_be_money(key) and state.taint_of(_read_base(node)) is not None:
            return CLEAN
    return request_source(node, state)


def holds_a_bound(taints: list[Taint | None]) -> bool:
    """Whether one of the values compared or capped is not the client's amount: a clean value, or in a helper another
    parameter than the amount (`min(amount, user.balance_cents)`, `amount != order.total_cents`), which its callers
    fill from the server's records."""
    held = [taint for taint in taints if taint is not None]
    if len(held) < len(taints):
        return True
    return len({(taint.kind, taint.origin) for taint in held}) > 1 and any(t.kind in SUMMARISED_KINDS for t in held)


def _first_taint(call: cst.Call, state: FlowState) -> Taint | None:
    for arg in call.args:
        found = state.taint_of(arg.value)
        if found is not None:
            return found
    return None


def _read_key(node: cst.BaseExpression) -> str | None:
    """The field a read names: `body["total"]`, `body.get("total")`, `body.total`."""
    if type(node) is cst.Attribute:
        return node.attr.value
    if type(node) is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
        return string_value(node.slice[0].slice.value)
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get" and node.args:
        return string_value(node.args[0].value)
    return None


def _read_base(node: cst.BaseExpression) -> cst.BaseExpression:
    if type(node) is cst.Call:
        return node.func.value  # type: ignore[attr-defined]
    return node.value  # type: ignore[attr-defined]


def _may_be_money(key: str) -> bool:
    """`total`, `amount_cents`, `items` may hold money; `quantity`, `price_id`, `discount_code` do not."""
    words = set(name_words(key))
    return not words & (NOT_MONEY_WORDS | QUANTITY_WORDS)


def is_money_field(name: str) -> bool:
    """`total`, `total_cents`, `unit_price`, `discount`; not `price_id`, `discount_code`, `quantity`."""
    words = set(name_words(name))
    return bool(words & MONEY_WORDS) and not words & NOT_MONEY_WORDS


class PriceState(FlowState):
    """The flow state with the reads a condition compared with a bound or a stored value (`if amount > balance:`)."""

    # Whether the function is named for an amount the client chooses by design (`donate`, `top_up`).
    chosen = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.checked_reads: set[str] = set()

    def clear_checked(self, test: cst.CSTNode) -> bool:
        """Forget what a test compares with anything but a sign (`amount != order.total`, `500 <= amount <= 100_000`)
        or hands to a validator (`validate_amount(amount)`); `if amount <= 0:` bounds nothing."""
        forgot = False
        for inner in iter_expressions(test):
            compared: list[cst.BaseExpression] = []
            if type(inner) is cst.Comparison:
                operands = [inner.left, *(c.comparator for c in inner.comparisons)]
                if holds_a_bound([self.taint_of(o) for o in operands if not _is_sign(o)]):
                    compared = [o for o in operands if self.taint_of(o) is not None]
            elif type(inner) is cst.Call and names_raising_validator(callee_tail(inner.func) or ""):
                compared = [arg.value for arg in inner.args]
            for operand in compared:
                if type(operand) is cst.Call and (dotted_name(operand.func) or "") in NUMBER_CONVERSIONS and operand.args:
                    operand = operand.args[0].value
                read = keyed_read(operand) or dotted_name(operand)
                if read is not None:
                    self.checked_reads.add(read)
                    forgot = self.names.pop(read, None) is not None or forgot
        return forgot


def _is_sign(operand: cst.BaseExpression) -> bool:
    return type(operand) in (cst.Integer, cst.Float) and operand.value in LOWER_END_NUMBERS  # type: ignore[attr-defined]


class PriceFromClient(ClientSinkRule):
    """A price, total or amount to charge, refund or pay out is taken from the client.

    ## What it does
    Follows client input (request bodies, form and query fields, FastAPI body models) into the money of a payment:
    the `amount`/`unit_amount` of a payment provider's call (Stripe's `PaymentIntent.create`, `Charge.create`,
    `Refund.create`, `Transfer.create`, a Checkout `Session.create` whose `line_items` carry `price_data`,
    Braintree's `transaction.sale`, PayPal's, Adyen's, Mollie's `{"amount": {"value": ...}}`, Razorpay's
    `order.create`, Square's `amount_money`), the money fields (`total`, `total_cents`, `unit_price`, `discount`,
    `amount`) of an order, payment, payout, refund or cart row (`Order.objects.create(total=...)`,
    `Order(total_cents=...)`, `order.total = ...`, `order["total"] = ...`, an order stored in a dict
    (`ORDERS[order_id] = {"total": ...}`, `db.orders.insert_one({...})`), an SQL `INSERT INTO orders (..., total)` or
    `UPDATE orders SET total = ?`), also through names, number conversions and a sum over the cart the client sent
    (`sum(i["price"] * i["quantity"] for i in items)`), within the function; each client value is reported once, where
    it first sets a price. A value passed to the project's own functions (`billing.charge(user, amount)` in a service
    module) is followed by VC417, which reports the payment call it reaches and the functions it went through.
    Not reported: a price read from the server's records by
    the client's id (`Product.objects.get(pk=body["product_id"]).price`, `PRICES[body["plan"]]`), a Stripe
    `price=` id, a count (`quantity`, whose upper bound VC428 checks) or id the client names, an amount capped by a
    stored one (`min(amount, balance)`) or compared with a bound or a stored value before use
    (`if amount != order.amount_due: abort(400)`, `if not 500 <= amount <= 100_000:`), and functions named for an
    amount the client chooses by design (a donation, a tip, a top-up, a deposit, a bid). A test of the sign alone
    (`if amount <= 0:`) checks nothing.

    ## Why is this bad?
    Whatever the page shows, the request is the client's to write: a buyer who edits the JSON of the checkout
    (or replays it with `curl`) pays one cent for the whole cart, refunds more than they paid, or pays out more than
    their balance (CWE-602: client-side enforcement of a server-side rule). Agents copy the cart's prices into the
    request because the page already has them.

    ## Example
    ```python
    import stripe
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/checkout")
    def checkout():
        cart = request.get_json()
        total = sum(item["price"] * item["quantity"] for item in cart["items"])
        intent = stripe.PaymentIntent.create(amount=total, currency="usd")
        return {"client_secret": intent.client_secret}
    ```

    ## Use instead
    ```python
    import stripe
    from flask import Flask, request

    from shop.models import Product

    app = Flask(__name__)

    @app.post("/checkout")
    def checkout():
        cart = request.get_json()
        total = 0
        for item in cart["items"]:
            product = Product.query.get_or_404(item["product_id"])
            total += product.price_cents * max(1, min(int(item["quantity"]), 10))
        intent = stripe.PaymentIntent.create(amount=total, currency="usd")
        return {"client_secret": intent.client_secret}
    ```

    ## References
    - [CWE-602: Client-Side Enforcement of Server-Side Security](https://cwe.mitre.org/data/definitions/602.html)
    - [CWE-20: Improper Input Validation](https://cwe.mitre.org/data/definitions/20.html)
    - [OWASP: Business logic vulnerabilities (price manipulation)](https://owasp.org/www-community/vulnerabilities/Business_logic_vulnerability)
    - [Stripe: Accept a payment, compute the amount on the server](https://docs.stripe.com/payments/accept-a-payment)
    """

    code = "VC231"
    name = "price-from-client"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (602, 20)
    source: ClassVar[SourceFinder] = staticmethod(price_source)
    file_hints = ("amount", "price", "total", "cost", "discount")

    def new_state(self) -> FlowState:
        return PriceState(self.context.imports, type(self).source, checks_clear=False)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        if isinstance(state, PriceState):  # a donation's or a top-up's amount is the client's to choose
            state.chosen = bool(CHOSEN_AMOUNT_WORDS & set(name_words(function.name.value)))
        super().start_function(function, state)
        self.__dict__["_reported"] = set()

    def _pays_module(self) -> bool:
        found: bool | None = self.__dict__.get("_pays")
        if found is None:
            found = self.__dict__["_pays"] = self.context.imports.imports_any(PAYMENT_SDKS)
        return found

    # The calls `sinks` can find money in (SQL runners, an order's writers, payment verbs); `searches` adds the calls of
    # an order's class (`Order(...)`) and the money fields of an order set by assignment. `check` notes nothing.
    sink_words = SQL_RUNNERS | last_parts(WRITING_METHODS) | PAYING_VERBS

    def searches(self, function: cst.FunctionDef) -> bool:
        """Where the function calls one of `sink_words` or an order's class, or sets an order's money field."""
        if super().searches(function):
            return True
        return any(word[:1].isupper() and _names_an_order(word) for word in call_words(
            function, self.context.imports, function_aliases(function, self.context)) or ()) or any(
            next(_order_fields_assigned(statement), None) is not None for statement in walked_statements(function) or ())

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        for field_value, label in _order_fields_assigned(node):
            taint = state.taint_of(field_value)
            if taint is not None and taint.kind == "request":
                self.describe(field_value, label, taint, None)
            elif taint is not None and taint.kind in SUMMARISED_KINDS:
                with self.recording(taint, state) as placeholder:
                    self.describe(field_value, label, placeholder, None)

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        tail = callee_tail(call.func) or ""
        if tail in SQL_RUNNERS and len(call.args) >= 2:
            yield from _sql_money(call)
            return
        if not tail[:1].isupper() and tail not in WRITING_METHODS and tail not in PAYING_VERBS:
            return  # (what `_writes_an_order` and `_is_payment_call` ask first: most calls are neither)
        name = state.qualified_name(call) or dotted_name(call.func) or ""
        if _writes_an_order(call, name, tail):
            label = f"a money field of `{short_code(call.func)}()`"
            for arg in call.args:
                if arg.keyword is not None and is_money_field(arg.keyword.value):
                    yield arg.value, f"`{arg.keyword.value}` of `{short_code(call.func)}()`"
                elif arg.keyword is None and type(arg.value) is cst.Dict:
                    yield from ((element.value, label) for element in arg.value.elements
                                if type(element) is cst.DictElement and is_money_field(string_value(element.key) or ""))
        elif self._is_payment_call(name, tail, call):
            label = f"the amount of `{short_code(call.func)}()`"
            for arg in call.args:
                keyed = arg.keyword is not None and arg.keyword.value in PROVIDER_AMOUNT_KEYS
                if keyed and type(arg.value) not in (cst.Dict, cst.List):
                    yield arg.value, label
                else:
                    yield from ((value, label) for value in _amounts_in(arg.value, keyed))

    def _is_payment_call(self, name: str, tail: str, call: cst.Call) -> bool:
        """`stripe.PaymentIntent.create(...)`, or in a module of a payment SDK `gateway.transaction.sale(...)`."""
        if tail not in PAYING_VERBS:
            return False
        if name.startswith(PAYMENT_PREFIXES):
            return True
        if not self._pays_module():
            return False
        chain = dotted_name(call.func.value) if type(call.func) is cst.Attribute else None
        return chain is not None and bool(PAYMENT_RESOURCES & {part.lower().replace("_", "") for part in chain.split(".")})

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call | None) -> None:
        reported: set[str] = self.__dict__.setdefault("_reported", set())
        origin = f"{taint.origin}|{taint.key}"
        if origin in reported:
            return  # one finding per client value: the first place it sets a price
        if taint.origin != ORIGIN:  # (a parameter's sinks are recorded for the join: each its own)
            reported.add(origin)
        self.report(node, f"The client chooses `{short_code(node)}` (from `{taint.origin}`) and it sets {label}, so a "
                    "buyer can pay, refund or be paid whatever amount the request says.",
                    hint="Compute the amount on the server from its own records (the product's stored price, the "
                    "order's stored total) and use the client's input only to name the items and their quantities.")


def _amounts_in(node: cst.BaseExpression, under_amount: bool) -> Iterator[cst.BaseExpression]:
    """The money values inside a request body: `{"amount": x}`, `{"price_data": {"unit_amount": x}}`, `[{...}]`,
    `{"amount": {"value": x}}`."""
    if type(node) in (cst.List, cst.Tuple):
        for element in node.elements:  # type: ignore[attr-defined]
            yield from _amounts_in(element.value, under_amount)
    elif type(node) is cst.Dict:
        for element in node.elements:  # type: ignore[attr-defined]
            if type(element) is not cst.DictElement:
                continue
            key = string_value(element.key) or ""
            money = key in PROVIDER_AMOUNT_KEYS or (under_amount and key in NESTED_AMOUNT_KEYS)
            if type(element.value) in (cst.Dict, cst.List):
                yield from _amounts_in(element.value, money)
            elif money:
                yield element.value


def _order_fields_assigned(node: cst.CSTNode) -> Iterator[tuple[cst.BaseExpression, str]]:
    """The money fields of an order an assignment or augmented assignment sets (`_order_fields_set`)."""
    if type(node) is cst.Assign:
        for target in node.targets:
            yield from _order_fields_set(target.target, node.value)
    elif type(node) is cst.AugAssign:
        yield from _order_fields_set(node.target, node.value)


def _order_fields_set(target: cst.BaseExpression, value: cst.BaseExpression) -> Iterator[tuple[cst.BaseExpression, str]]:
    """`order.total = x`, `order["total"] = x`, `ORDERS[order_id] = {"total": x, ...}`: money fields of an order."""
    if type(target) is cst.Attribute:
        if is_money_field(target.attr.value) and _names_an_order(dotted_name(target.value) or ""):
            yield value, f"`{short_code(target)}`"
    elif type(target) is cst.Subscript and _names_an_order(_subscripted_name(target.value)):
        key = _read_key(target)
        if key is not None:
            if is_money_field(key):
                yield value, f"`{short_code(target)}`"
        elif type(value) is cst.Dict:
            yield from ((element.value, f"`{string_value(element.key)}` of the order stored in `{short_code(target)}`")
                        for element in value.elements
                        if type(element) is cst.DictElement and is_money_field(string_value(element.key) or ""))


def _subscripted_name(node: cst.BaseExpression) -> str:
    """`orders`, `ORDERS`, `self.orders`, `db["orders"]`: the name of what an item is stored in."""
    if type(node) is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
        return string_value(node.slice[0].slice.value) or ""
    return dotted_name(node) or ""


def _names_an_order(name: str) -> bool:
    """`order`, `new_order`, `Order`, `OrderItem`, `payment_row`: a row of an order, payment or payout."""
    return bool(ORDER_NOUNS & set(name_words(name.rsplit(".", 1)[-1])))


def _writes_an_order(call: cst.Call, name: str, tail: str) -> bool:
    """`Order(...)`, `Order.objects.create(...)`, `models.Payout.objects.create(...)`, `orders.insert_one({...})`."""
    if tail[:1].isupper():
        return _names_an_order(tail)
    if tail not in WRITING_METHODS:
        return False
    head = head_name(call.func) or ""
    parts = name.split(".")
    receiver = parts[-2] if len(parts) >= 2 else head
    if receiver == "objects" and len(parts) >= 3:
        receiver = parts[-3]
    return _names_an_order(receiver)


def _sql_money(call: cst.Call) -> Iterator[tuple[cst.BaseExpression, str]]:
    """The parameters of SQL that writes a money column of an order table (`INSERT INTO orders (..., total)`)."""
    sql = string_value(call.args[0].value)
    parameters = call.args[1].value
    if sql is None or type(parameters) not in (cst.Tuple, cst.List):
        return
    table = _written_table(sql)
    if table is None or not _names_an_order(table):
        return
    values = parameters.elements  # type: ignore[attr-defined]
    for index, column in sql_parameter_columns(sql).items():
        if is_money_field(column) and index < len(values):
            yield values[index].value, f"the `{table}.{column}` column"


def _written_table(sql: str) -> str | None:
    words = sql.replace("(", " ").split()
    lowered = [word.lower() for word in words]
    for verb, offset in (("into", 1), ("update", 1)):
        if verb in lowered:
            index = lowered.index(verb) + offset
            if index < len(words):
                return words[index].strip('"`[]').rsplit(".", 1)[-1]
    return None
