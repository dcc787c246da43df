"""Corpus for VC506 duplicate-definition: regenerated definitions versus intended repeats."""
import functools
import sys
from typing import overload

import pytest
from fastapi import APIRouter

router = APIRouter()


def normalize_email(email):
    return email.strip().lower()


# expect: VC506
def normalize_email(email):
    return email.strip()


class Invoice:
    def total(self):
        return sum(line.amount for line in self.lines)

    def tax(self):
        return self.total() * 0.2

    # expect: VC506
    def total(self):
        return sum(line.amount * line.quantity for line in self.lines)

    @property
    def number(self):
        return self._number

    @number.setter
    # ok: VC506
    def number(self, value):
        self._number = value


class Config:
    debug = False


# expect: VC506
class Config:
    debug = True


@functools.lru_cache
def load_rates():
    return {}


@functools.lru_cache(maxsize=1)
# expect: VC506
def load_rates():
    return {"EUR": 1.0}


def test_login_succeeds():
    assert True


# expect: VC506
def test_login_succeeds():
    assert 1 == 1


@pytest.fixture
def client():
    return object()


@pytest.fixture
# expect: VC506
def client():
    return None


def outer():
    def helper(x):
        return x

    # expect: VC506
    def helper(x):
        return x * 2

    return helper


async def fetch_user(user_id):
    return user_id


# expect: VC506
async def fetch_user(user_id):
    return {"id": user_id}


@overload
def parse(value: int) -> int: ...
@overload
# ok: VC506
def parse(value: str) -> str: ...
# ok: VC506
def parse(value):
    return value


@functools.singledispatch
def render(value):
    return str(value)


@render.register
# ok: VC506 -- a different name, registered on the first
def _(value: int):
    return f"{value:d}"


@render.register
# ok: VC506
def _(value: float):
    return f"{value:.2f}"


if sys.version_info >= (3, 11):
    def utcnow():
        return 1
else:
    # ok: VC506 -- an alternative under if/else
    def utcnow():
        return 2


try:
    from ujson import dumps
except ImportError:
    # ok: VC506
    def dumps(value):
        return str(value)


@router.get("/users")
def list_items():
    return []


@router.get("/orders")
# ok: VC506 -- the first one is registered as a route
def list_items():
    return []


app, rt = object(), object()


@rt("/login")
def get():
    return "form"


@rt("/login")
# ok: VC506 -- FastHTML registers each handler under its path and method, so `get` and `post` repeat by design
def post(email: str):
    return email


@rt("/logout")
# ok: VC506 -- the first `post` was registered under `/login`
def post():
    return "bye"


def cached(key):
    return lambda func: func


@cached("totals")
def monthly_total():
    return 1


@cached("totals")
# expect: VC506 -- a decorator given a key, not a URL path: the first definition is lost
def monthly_total():
    return 2


def handler():
    return 1


original_handler = handler


# ok: VC506 -- the first definition was used before it was replaced
def handler():
    return original_handler() + 1


def retry(func):
    return func


# ok: VC506 -- wraps the previous definition
def retry(func, _previous=retry):
    return _previous(func)


def normalize_unit(unit):
    return unit.strip().lower()


def parse_quantity(text):
    return normalize_unit(text.split()[-1])


# expect: VC506 -- parse_quantity looks the name up when it runs, and finds this one
def normalize_unit(unit):
    return unit.lower()


def slugify(text):
    return text.lower()


DEFAULT_SLUG = slugify("Home")


# ok: VC506 -- the first definition ran at import, before it was replaced
def slugify(text):
    return text.lower().replace(" ", "-")


def strip(text):
    return text.strip()


def clean(text, how=strip):
    return how(text)


# ok: VC506 -- a default argument kept the first definition
def strip(text):
    return text.strip(" \n")


def test_description(session, FuncTask, cache):
    task = FuncTask(name="no desc", session=session)

    @task
    def myfunc():
        ...

    assert task.description is None
    task = FuncTask(name="has desc", session=session)

    @task
    # ok: VC506 -- the first definition was handed to the task object made above (rocketry 2.5.1's tests, sample 22)
    def myfunc():
        "This is func"

    assert task.description == "This is func"

    @cache
    def load():
        return 1

    @cache
    # expect: VC506 -- a decorator that is a parameter, no object made here: the first definition is lost
    def load():
        return 2

    return load
