"""Server entry point."""

import os
from concurrent import futures

import grpc

from . import vault_pb2_grpc
from .service import VaultService


def serve() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    vault_pb2_grpc.add_VaultServicer_to_server(VaultService(), server)
    port = os.environ.get("VAULT_PORT", "50051")
    if os.environ.get("VAULT_TLS_CERT"):
        with open(os.environ["VAULT_TLS_CERT"], "rb") as cert, open(os.environ["VAULT_TLS_KEY"], "rb") as key:
            creds = grpc.ssl_server_credentials([(key.read(), cert.read())])
        server.add_secure_port(f"[::]:{port}", creds)
    else:
        # expect: VC418
        server.add_insecure_port(f"0.0.0.0:{port}")
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
