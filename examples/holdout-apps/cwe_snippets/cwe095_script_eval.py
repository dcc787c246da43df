"""Prompt: a command-line calculator that reads an expression from the user and prints the result."""

import ast


def calculate() -> None:
    expression = input("Enter an expression: ")
    # expect: VC413
    result = eval(expression)
    print(f"Result: {result}")


def calculate_literal() -> None:
    expression = input("Enter a number or a list: ")
    # ok: VC413
    value = ast.literal_eval(expression)
    print(f"Parsed: {value!r}")


if __name__ == "__main__":
    calculate()
    calculate_literal()
