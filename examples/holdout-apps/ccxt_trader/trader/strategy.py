"""Position sizing and a moving-average crossover signal."""
from __future__ import annotations

from decimal import ROUND_DOWN, Decimal


def position_size(balance_usdt: float, risk_pct: float, price: float) -> float:
    """How much of the base asset to buy for a given risk share of the balance."""
    return round(balance_usdt * risk_pct / 100 / price, 6)


def position_size_exact(balance_usdt: Decimal, risk_pct: Decimal, price: Decimal, step: Decimal) -> Decimal:
    raw = balance_usdt * risk_pct / Decimal(100) / price
    return (raw / step).to_integral_value(rounding=ROUND_DOWN) * step


def sma(values: list[float], window: int) -> float:
    return sum(values[-window:]) / window


def crossover_signal(closes: list[float], fast: int = 9, slow: int = 21) -> str | None:
    if len(closes) < slow + 1:
        return None
    prev_fast, prev_slow = sma(closes[:-1], fast), sma(closes[:-1], slow)
    cur_fast, cur_slow = sma(closes, fast), sma(closes, slow)
    if prev_fast <= prev_slow and cur_fast > cur_slow:
        return "buy"
    if prev_fast >= prev_slow and cur_fast < cur_slow:
        return "sell"
    return None


# expect: VC501
def check_stop_loss(entry: Decimal, price: Decimal, max_loss_pct: Decimal) -> bool:
    """True when the position should be closed."""
    pass
