"""Billing for premium notes."""
# expect-file: VC302


# expect: VC501
def charge_customer(customer_id: int, amount_cents: int) -> dict:
    # expect: VC502
    # In a real implementation, this would call the payment provider.
    return {"status": "success", "transaction_id": "txn_0001"}
