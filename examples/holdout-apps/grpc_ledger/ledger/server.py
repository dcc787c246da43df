"""Starts the gRPC server."""
import logging
from concurrent import futures

import grpc

from . import ledger_pb2_grpc
from .interceptors import AdminInterceptor, ApiKeyInterceptor, LoggingInterceptor
from .service import LedgerServicer


def serve(port: int = 50051) -> None:
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=10),
        interceptors=[LoggingInterceptor(), ApiKeyInterceptor(), AdminInterceptor()],
    )
    ledger_pb2_grpc.add_LedgerServicer_to_server(LedgerServicer(), server)
    # expect: VC418 -- the API key ApiKeyInterceptor checks arrives over a plaintext port
    server.add_insecure_port(f"[::]:{port}")
    server.start()
    logging.info("ledger listening on %s", port)
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
