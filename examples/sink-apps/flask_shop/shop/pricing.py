"""Discount rules that the marketing team can configure."""


def apply_discount(total, formula):
    # sink: CWE-95
    return eval(formula, {"__builtins__": {}}, {"total": total})


DISCOUNTS = {"ten_percent": lambda total: total * 0.9, "five_off": lambda total: max(total - 5, 0)}


def apply_named_discount(total, name):
    # safe: CWE-95
    return DISCOUNTS.get(name, lambda value: value)(total)
