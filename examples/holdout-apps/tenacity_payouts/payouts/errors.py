class PayoutError(Exception):
    """Base class for payout sync failures."""


class ProviderError(PayoutError):
    """The payment provider refused or failed a request."""


class LedgerError(PayoutError):
    """The internal ledger could not be read or written."""


class InsufficientFunds(ProviderError):
    pass
