"""VC001 corpus: the parse stops at the first syntax error, so this file holds one case."""


def valid_function():
    return 1


# expect: VC001
def broken(:
    pass
