import json
import re
import urllib.request
from dataclasses import dataclass

FACTORS = {
    "mass": {"g": 1.0, "kg": 1000.0, "lb": 453.59237, "oz": 28.349523125},
    "length": {"mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0, "in": 0.0254, "ft": 0.3048, "mi": 1609.344},
}
ALIASES = {"grams": "g", "kilograms": "kg", "pounds": "lb", "lbs": "lb", "meters": "m", "metres": "m", "feet": "ft"}
QUANTITY = re.compile(r"^\s*(?P<value>-?\d+(?:\.\d+)?)\s*(?P<unit>[a-zA-Z]+)\s*$")


class UnitError(ValueError):
    pass


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str


def normalize_unit(unit: str) -> str:
    unit = unit.strip().lower()
    return ALIASES.get(unit, unit)


def dimension_of(unit: str) -> str:
    for dimension, factors in FACTORS.items():
        if unit in factors:
            return dimension
    raise UnitError(f"unknown unit {unit!r}")


def parse_quantity(text: str) -> Quantity:
    match = QUANTITY.match(text)
    if match is None:
        raise UnitError(f"cannot parse quantity {text!r}")
    unit = normalize_unit(match["unit"])
    dimension_of(unit)
    return Quantity(float(match["value"]), unit)


def try_parse_quantity(text: str) -> Quantity | None:
    try:
        return parse_quantity(text)
    # expect: VC101/VC102
    except Exception:
        return None


def convert(value: float, source: str, target: str) -> float:
    source, target = normalize_unit(source), normalize_unit(target)
    if dimension_of(source) != dimension_of(target):
        raise UnitError(f"cannot convert {source} to {target}")
    dimension = dimension_of(source)
    return value * FACTORS[dimension][source] / FACTORS[dimension][target]


def factor(unit: str) -> float:
    try:
        return FACTORS["mass"][unit]
    except KeyError:
        # expect: VC105
        raise UnitError(f"{unit} is not a mass unit")


def length_factor(unit: str) -> float:
    try:
        return FACTORS["length"][unit]
    except KeyError:
        # ok: VC105
        raise UnitError(f"{unit} is not a length unit") from None


def load_currency_rates(url: str) -> dict[str, float]:
    # expect: VC106
    with urllib.request.urlopen(url) as resp:
        return json.load(resp)


def load_currency_rates_checked(url: str, timeout: float = 10.0) -> dict[str, float]:
    # ok: VC106
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return json.load(resp)


# expect: VC501
def to_imperial(quantity: Quantity) -> Quantity:
    ...


# expect: VC506
def normalize_unit(unit: str) -> str:
    return ALIASES.get(unit.lower(), unit.lower())
