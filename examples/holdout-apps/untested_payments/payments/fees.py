"""Processing fees, in cents."""

FLAT_CENTS = 30
PERCENT_BASIS_POINTS = 290
INTERNATIONAL_EXTRA_BASIS_POINTS = 150


# ok: VC301
def flat_fee(amount_cents: int) -> int:
    return FLAT_CENTS


# ok: VC301
def percent_fee(amount_cents: int) -> int:
    return amount_cents * PERCENT_BASIS_POINTS // 10_000


# ok: VC301
def total_fee(amount_cents: int) -> int:
    return flat_fee(amount_cents) + percent_fee(amount_cents)


# expect: VC301
def international_fee(amount_cents: int) -> int:
    return total_fee(amount_cents) + amount_cents * INTERNATIONAL_EXTRA_BASIS_POINTS // 10_000
