"""Corpus for VC501 placeholder-implementation: agent scaffolds versus intentional empty bodies."""
import abc
import functools
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Protocol, overload

import click
from zope.interface import implementer

from twisted_stubs import IBodyProducer


# expect: VC501
def send_welcome_email(user):
    """Send the welcome e-mail to a new user."""
    pass


# expect: VC501
def calculate_tax(order):
    ...


# expect: VC501
def export_report(report_id):
    raise NotImplementedError


# expect: VC501
def verify_signature(payload, signature):
    # TODO: implement real signature verification
    return True


# expect: VC501
async def process_payment(order_id: int, amount: float) -> dict:
    """Process the payment with the provider."""
    # In a real implementation this would call Stripe.
    return {"status": "success", "transaction_id": "txn_123"}


class UserService:
    def __init__(self, db):
        self.db = db

    # expect: VC501
    def delete_user(self, user_id):
        pass

    # expect: VC501
    def reset_password(self, user_id):
        raise NotImplementedError("Password reset is not implemented yet")

    # expect: VC501
    def update_profile(self, user_id, data):
        """Update the user's profile."""
        # placeholder until the profile table exists
        pass


# ok: VC501 -- a docstring-only specification (as in hook specs)
def refund_order(order_id):
    """Refund the order and notify the customer."""


# expect: VC501
def cancel_order(order_id):
    """Cancel the order."""
    # TODO: call the payment provider


# expect: VC501
def get_exchange_rate(currency): return 1.0  # hardcoded for now


class Storage(ABC):
    @abstractmethod
    # ok: VC501
    def save(self, record):
        """Persist one record."""

    # ok: VC501
    def flush(self):
        pass


class Greeter(Protocol):
    # ok: VC501
    def greet(self, name: str) -> str: ...


class Exporter(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    # ok: VC501
    def export(self): ...


@overload
# ok: VC501
def parse(value: int) -> int: ...
@overload
# ok: VC501
def parse(value: str) -> str: ...
def parse(value):
    return value


class QuotaExceededError(Exception):
    # ok: VC501
    def hint(self):
        pass


class Transport:
    # ok: VC501 -- the documented way to say "subclasses provide this"
    def send(self, request):
        raise NotImplementedError("Subclasses must implement send().")

    # ok: VC501 -- a hook of a base class
    def close(self):
        pass


class Plugin:
    # ok: VC501 -- a documented hook
    def on_startup(self, app):
        """Called once when the application starts; override to set things up."""
        pass

    # ok: VC501
    def __enter__(self):
        pass


# ok: VC501
def noop(*args, **kwargs):
    pass


# ok: VC501 -- a default handler that does nothing on purpose
async def _empty_handler(*args, **kwargs):
    pass


# expect: VC501 -- `empty` is the verb here: the cart is never emptied
def empty_cart(cart):
    pass


@click.group()
# ok: VC501 -- a command group: its subcommands do the work
def cli():
    """Manage the shop."""
    pass


@cli.group()
# ok: VC501
def users():
    pass


@cli.command()
# expect: VC501
def export_users():
    pass


try:
    from fastjson import dumps
except ImportError:
    # ok: VC501 -- an alternative definition
    def dumps(value):
        raise NotImplementedError


# ok: VC501 -- a real constant function, no comment says it is unfinished
def default_port():
    return 8080


def make_handler():
    # ok: VC501 -- a nested no-op callback
    def ignore_signal(signum, frame):
        pass
    return ignore_signal


def nameprep(label):
    # ok: VC501 -- unsupported by design, and the message says why
    raise NotImplementedError("IDNA 2008 does not use the nameprep protocol")


# expect: VC501
def generate_invoice_pdf(invoice):
    raise NotImplementedError("PDF generation not implemented")


class Collector:
    # ok: VC501 -- a callback hook
    def visit_Name(self, node):
        pass


class NullCache:
    # ok: VC501 -- a null object
    def set(self, key, value):
        pass


class Operation:
    def state_forwards(self, app_label, state):
        raise NotImplementedError("subclasses must provide state_forwards()")

    def database_forwards(self, app_label, editor):
        raise NotImplementedError("subclasses must provide database_forwards()")


class AlterOptions(Operation):
    def state_forwards(self, app_label, state):
        state.alter(app_label)

    # ok: VC501 -- a subclass opting out of one step its base defines
    def database_forwards(self, app_label, editor):
        pass

    # expect: VC501 -- no base in this file defines it: not an override
    def database_rename(self, app_label, editor):
        pass


class ScryptHasher(Hasher):
    def encode(self, password, salt):
        return password + salt

    # ok: VC501 -- overrides a step of an imported base, and says why it is empty
    def harden_runtime(self, password, encoded):
        # The runtime of scrypt is too complicated to harden sensibly.
        pass

    # ok: VC501 -- overrides a method of an imported base
    @classmethod
    def clear_expired(cls):
        pass


class StripeGateway(PaymentGateway):
    # expect: VC501 -- every method of the subclass is empty: a scaffold
    def charge(self, amount):
        pass

    # expect: VC501
    def refund(self, payment_id):
        pass


class Scheduler:
    def tick(self):
        self.sync()

    # ok: VC501 -- a hook that a subclass in this file fills in
    def sync(self):
        pass


class PersistentScheduler(Scheduler):
    def sync(self):
        return self.store.sync()


class OrderService:
    def create(self, data):
        return self.db.insert(data)

    # expect: VC501 -- callers in this file use it on an instance
    def cancel(self, order_id):
        raise NotImplementedError

    # expect: VC501 -- the class is not a base class: `cancel` is called
    def archive(self, order_id):
        pass


def cancel_order_view(order_id):
    service = OrderService()
    return service.cancel(order_id)


# ok: VC501 -- the comment says why nothing happens
def _terminate(self, signal):
    # Done in `TaskPool.terminate_job`
    pass


# ok: VC501 -- a sentinel excluded from coverage on purpose
def _frontend_endpoint():
    pass  # pragma: no cover


def wrap(decorator):
    # Cheat by decorating a dummy function.
    @decorator
    # ok: VC501 -- "dummy" describes the deliberate double
    def dummy(*args, **kwargs):
        pass
    return dummy


try:
    import fcntl
except ImportError:
    # Dummy functions that don't do anything.
    # ok: VC501 -- a fallback described as a dummy
    def lock(f, flags):
        return False


class _ImportRedirect:
    def create_module(self, spec):
        return self.load_module(spec.name)

    # ok: VC501 -- an import loader whose `create_module` built the module: `exec_module` returns None by contract
    def exec_module(self, module):
        pass  # This probably breaks importlib.reload()

    def load_module(self, fullname):
        return __import__(fullname)


class QuietAccessLog:
    # ok: VC501 -- a request handler's log method that keeps the access log quiet
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.send_response(204)


class WhenReady(Setting):
    name = "when_ready"

    # ok: VC501 -- the class hands the empty function on as its default callable: a no-op hook by design
    def when_ready(server):
        pass
    default = staticmethod(when_ready)


class ReportSetting(Setting):
    name = "report"

    # expect: VC501 -- the class body calls it for a value: an empty body gives that value as None
    def build_report(server):
        pass
    default = build_report(None)


class TemplateLoader:
    def create_module(self, spec):
        return None

    # expect: VC501 -- a protocol method whose comment says it is unfinished
    def exec_module(self, module):
        pass  # TODO: render the template into the module


class BaseFinder:
    # Deprecated: when the deprecation ends, replace with:
    # def find(self, path):
    # ok: VC501 -- "replace with" a signature, not with a real implementation
    def find(self, path, **kwargs):
        raise NotImplementedError("subclasses of BaseFinder must provide a find() method")


# expect: VC501 -- a fake result in a function the program calls
def charge_card(card, amount):
    return {"status": "success"}  # mock response


# expect: VC501
def apply_coupon(order, code):
    # Coupon validation logic goes here
    pass


# ok: VC501 -- its name says it is empty on purpose
def _process_setup_stub(*args):
    """Stub that keeps run() simple."""
    pass


class OrderView(View):
    def get(self, request):
        return render(request, "orders.html")

    # expect: VC501 -- an empty request handler is no opt-out: the view answers None
    def post(self, request):
        pass


if TYPE_CHECKING:

    class _Translations(Protocol):
        # ok: VC501 -- a declaration for the type checker, never run
        def gettext(self, message: str) -> str: ...

    class _TranslationsWithContext(_Translations):
        # ok: VC501 -- a subclass of that protocol, declared the same way
        def pgettext(self, context: str, message: str) -> str: ...


@implementer(IBodyProducer)
class _BytesProducer:
    def __init__(self, body):
        self.body = body
        self.length = len(body)

    def startProducing(self, consumer):
        consumer.write(self.body)

    # ok: VC501 -- an interface method with nothing to do in this implementation
    def pauseProducing(self):
        pass


class _BytesUploader:
    def __init__(self, body):
        self.body = body

    def upload(self, consumer):
        consumer.write(self.body)

    # expect: VC501 -- no interface is declared: an empty public method is a scaffold
    def cancel_upload(self):
        pass


# ok: VC501 -- a no-op callback named as one
def _blank(): ...


# expect: VC501
def _blanket_refund(order): ...


class EmptyStreamReader:
    def read_nowait(self):
        return b""

    # TODO add readuntil

    # ok: VC501 -- the note a blank line above is about the class, not this method body
    def readany(self):
        return b""

    # TODO: read from the real stream
    # expect: VC501 -- a note that touches the def is about it
    def readchunk(self):
        return b""


class ToolInputSchema(BaseModel):
    if TYPE_CHECKING:
        # Stub to indicate that arbitrary properties are accepted.
        # ok: VC501 -- a declaration for the type checker: Python never runs it
        def __getattr__(self, attr: str) -> object: ...

        # ok: VC501
        def describe(self) -> str: ...

    # Stub: fill in later
    # expect: VC501 -- outside `if TYPE_CHECKING:`, a stub comment marks an unfinished body
    def validate_input(self, data):
        pass


class BrowserConnection:
    def request(self, method, url):
        return fetch(method, url)

    # ok: VC501 -- the browser opens the connection: a step of the interface with nothing to do here
    def connect(self) -> None:
        pass


class BrowserCache:
    def get(self, key):
        return self.store.get(key)

    # expect: VC501 -- no interface is checked for this class
    def set(self, key, value) -> None:
        pass


if TYPE_CHECKING:
    _conforms: BaseConnection = BrowserConnection()


class DispatchContext(Protocol):
    @property
    def message_metadata(self) -> dict:
        """The metadata the transport attached to this message."""
        # TODO: remove with the context rework
        # ok: VC501 -- a Protocol declares the property: the note is about the API
        ...


# ok: VC501 -- the callback used when the caller gives none
async def _default_logging_callback(params) -> None:
    pass


# TODO: log the params
# expect: VC501 -- a default callback with a note that it is unfinished
async def _default_progress_callback(params) -> None:
    pass


# ok: VC501 -- the docstring says the reverse step does nothing on purpose
def reverse_remove_duplicates(apps, schema_editor):
    """This is a no-op. The migration removes duplicates; we cannot recreate them."""
    pass


# expect: VC501 -- the docstring says what the body should do, not why it is empty
def find_duplicates(apps, schema_editor):
    """Return the renditions that share a filter, or nothing if there are none."""
    pass


# ok: VC501 -- the signature of a signal's handlers, handed to the signal and never called
def _status_message(message: str, expire: int = 5) -> None: ...


status_message = SyncSignal(_status_message)


# ok: VC501 -- also when a class body hands it on
def _signal_with_flow(flow) -> None: ...


class FlowView:
    sig_view_add = SyncSignal(_signal_with_flow)


# ok: VC501 -- also when a method hands it on
def _sig_view_remove(flow, index: int) -> None: ...


class View:
    def __init__(self):
        self.sig_view_remove = SyncSignal(_sig_view_remove)


# expect: VC501 -- handed to the signal but also called here: its body runs
def _refresh(view) -> None: ...


on_refresh = SyncSignal(_refresh)
_refresh(None)


# expect: VC501 -- `pass` is a body to write, even for a registered handler
def handle_message(message) -> None:
    pass


register(handle_message)


# ok: VC501 -- the base of a single-dispatch function answers the types no implementation is registered for
@functools.singledispatch
def get_task_map_length(xcom_arg, run_id):
    raise NotImplementedError(f"get_task_map_length not implemented for {type(xcom_arg)}")


@get_task_map_length.register
def _(xcom_arg: list, run_id):
    return len(xcom_arg)


# expect: VC501 -- a plain function that never got its body
def get_mapped_ti_count(task, run_id):
    raise NotImplementedError


class ExecutionEngine:
    # ok: VC501 -- a step subclasses provide; the note after the waiver is about the waived check
    def resolve_metric_bundle(self, bundle):  # noqa: C901 # FIXME CoP
        raise NotImplementedError

    # ok: VC501
    def _init_variables(self):  # type: ignore[explicit-override] # FIXME
        raise NotImplementedError

    # expect: VC501 -- the note is about the body, the waiver comes after it
    def get_compute_domain(self, domain_kwargs):  # TODO: implement  # noqa: ARG002
        raise NotImplementedError



class GatewaySocket:
    def debug_log_receive(self, data):
        self.dispatch("socket_raw_receive", data)

    # ok: VC501 -- the default that from_client switches for the debug version
    def log_receive(self, data):
        pass

    # expect: VC501 -- only read here, never replaced: nothing ever fills it in
    def send_report(self, data):
        pass

    @classmethod
    def from_client(cls, client):
        ws = cls()
        if client.debug:
            ws.log_receive = ws.debug_log_receive
        handler = ws.send_report
        return ws, handler


class PolymorphicConfig(AppConfig):
    name = "polymorphic"

    # ok: VC501 -- Django's start-up hook: nothing to do at start-up is complete
    def ready(self):
        pass


class ShippingConfig(AppConfig):
    name = "shipping"

    # expect: VC501 -- not a hook: callers get None for the rate
    def rate(self, parcel):
        pass


class OutgoingMail:
    def __init__(self):
        self._recipients = []

    @property
    # ok: VC501 -- a write-only property: its setter below is how callers build the message
    def to(self):
        pass

    @to.setter
    def to(self, recipients):
        self._recipients.extend(recipients)

    @property
    # expect: VC501 -- no setter: every read of the subject gets None
    def subject(self):
        pass

    @property
    # expect: VC501 -- a setter exists, but the getter says it is unfinished
    def reply_to(self):
        pass  # TODO return the stored address

    @reply_to.setter
    def reply_to(self, address):
        self._reply_to = address
