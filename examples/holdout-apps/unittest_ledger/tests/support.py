from stockledger import Ledger


class LedgerAssertions:
    """Mixin for TestCase classes that check ledger balances."""

    def assertBalances(self, ledger: Ledger, expected: dict[str, int]) -> None:
        actual = {sku: ledger.balance(sku) for sku in expected}
        self.assertEqual(actual, expected)


def make_ledger() -> Ledger:
    ledger = Ledger()
    ledger.receive("BOLT-M6", 100, "0.05")
    ledger.receive("NUT-M6", 40, "0.03")
    return ledger
