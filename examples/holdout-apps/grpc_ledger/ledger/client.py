"""A small client used by the billing jobs."""
import os

import grpc

from . import ledger_pb2, ledger_pb2_grpc

LEDGER_HOST = os.environ.get("LEDGER_HOST", "ledger.internal:50051")


def get_balance(account_id: int) -> int:
    api_key = os.environ["LEDGER_API_KEY"]
    # expect: VC418 -- the API key travels over a plaintext channel
    with grpc.insecure_channel(LEDGER_HOST) as channel:
        stub = ledger_pb2_grpc.LedgerStub(channel)
        reply = stub.GetAccount(ledger_pb2.AccountRequest(account_id=account_id),
                                metadata=[("x-api-key", api_key)])
    return reply.balance_cents


def get_balance_tls(account_id: int) -> int:
    api_key = os.environ["LEDGER_API_KEY"]
    credentials = grpc.ssl_channel_credentials()
    # ok: VC418 -- TLS channel
    with grpc.secure_channel(LEDGER_HOST, credentials) as channel:
        stub = ledger_pb2_grpc.LedgerStub(channel)
        reply = stub.GetAccount(ledger_pb2.AccountRequest(account_id=account_id),
                                metadata=[("x-api-key", api_key)])
    return reply.balance_cents
