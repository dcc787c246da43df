from moneykit import Money


def assert_sums_back(parts: list[Money], total: Money) -> None:
    assert sum(p.cents for p in parts) == total.cents
    assert {p.currency for p in parts} == {total.currency}
