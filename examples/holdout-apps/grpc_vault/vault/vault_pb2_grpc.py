"""Stand-in for the generated servicer base class and registration helper."""

import grpc


class VaultServicer:
    def CreateUpload(self, request, context):
        context.set_code(grpc.StatusCode.UNIMPLEMENTED)
        raise NotImplementedError("Method not implemented!")

    def GetFile(self, request, context):
        context.set_code(grpc.StatusCode.UNIMPLEMENTED)
        raise NotImplementedError("Method not implemented!")

    def ListFiles(self, request, context):
        context.set_code(grpc.StatusCode.UNIMPLEMENTED)
        raise NotImplementedError("Method not implemented!")

    def DeleteFile(self, request, context):
        context.set_code(grpc.StatusCode.UNIMPLEMENTED)
        raise NotImplementedError("Method not implemented!")

    def ScanFile(self, request, context):
        context.set_code(grpc.StatusCode.UNIMPLEMENTED)
        raise NotImplementedError("Method not implemented!")


def add_VaultServicer_to_server(servicer, server):
    handlers = {
        name: grpc.unary_unary_rpc_method_handler(getattr(servicer, name))
        for name in ("CreateUpload", "GetFile", "ListFiles", "DeleteFile", "ScanFile")
    }
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("vault.Vault", handlers),))
