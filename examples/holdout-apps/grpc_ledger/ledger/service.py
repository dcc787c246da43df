"""The Ledger servicer."""
import logging
import os
import subprocess
import time
import traceback

import grpc

from . import db, ledger_pb2, ledger_pb2_grpc

logger = logging.getLogger(__name__)
STATEMENT_DIR = "/var/ledger/statements"


def _caller(context) -> str:
    return dict(context.invocation_metadata()).get("x-user-id", "")


class LedgerServicer(ledger_pb2_grpc.LedgerServicer):
    def __init__(self) -> None:
        self.conn = db.connect()

    def GetAccount(self, request, context):
        # expect: VC214 -- any account id the caller sends
        row = db.fetch_account(self.conn, request.account_id)
        if row is None:
            # ok: VC414 -- fixed message
            context.abort(grpc.StatusCode.NOT_FOUND, "account not found")
        return ledger_pb2.Account(id=row["id"], owner=row["owner"], balance_cents=row["balance_cents"])

    def GetMyAccount(self, request, context):
        # ok: VC214 -- scoped to the caller
        row = db.fetch_user_account(self.conn, request.account_id, _caller(context))
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "account not found")
        return ledger_pb2.Account(id=row["id"], owner=row["owner"], balance_cents=row["balance_cents"])

    def SearchTransactions(self, request, context):
        sql = "SELECT * FROM transactions WHERE memo LIKE '%%%s%%' ORDER BY %s" % (request.memo, request.order_by)
        rows = db.run_query(self.conn, sql)
        return ledger_pb2.TransactionList(items=[ledger_pb2.Transaction(**r) for r in rows])

    def Transfer(self, request, context):
        try:
            with self.conn, self.conn.cursor() as cur:
                # expect: VC214 -- debits any source account; the caller is never compared to its owner
                cur.execute("UPDATE accounts SET balance_cents = balance_cents - %s WHERE id = %s",
                            (request.amount_cents, request.from_account))
                cur.execute("UPDATE accounts SET balance_cents = balance_cents + %s WHERE id = %s",
                            (request.amount_cents, request.to_account))
            return ledger_pb2.TransferReply(ok=True)
        except Exception as exc:
            # expect: VC414 -- database error text to the client
            context.abort(grpc.StatusCode.INTERNAL, str(exc))

    def ResetBalance(self, request, context):
        # expect: VC207 -- the admin flag is a field of the request message
        if not request.is_admin:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "admin only")
        with self.conn, self.conn.cursor() as cur:
            cur.execute("UPDATE accounts SET balance_cents = 0 WHERE id = %s", (request.account_id,))
        return ledger_pb2.Empty()

    def ExportStatement(self, request, context):
        path = os.path.join(STATEMENT_DIR, request.filename)
        try:
            # expect: VC405 -- file name from the request message
            with open(path, "rb") as fh:
                return ledger_pb2.Statement(content=fh.read())
        except OSError:
            context.set_code(grpc.StatusCode.INTERNAL)
            # expect: VC414 -- traceback sent as the status details
            context.set_details(traceback.format_exc())
            return ledger_pb2.Statement()

    def ExportStatementChecked(self, request, context):
        base = os.path.realpath(STATEMENT_DIR)
        path = os.path.realpath(os.path.join(base, request.filename))
        if not path.startswith(base + os.sep):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "bad file name")
        # ok: VC405 -- resolved and kept under the statement folder
        with open(path, "rb") as fh:
            return ledger_pb2.Statement(content=fh.read())

    def RunMonthEnd(self, request, context):
        # expect: VC421/VC408 -- month from the request in a shell line
        output = subprocess.check_output(f"/opt/ledger/month_end.sh {request.month}", shell=True)
        return ledger_pb2.JobReply(output=output.decode())

    def StreamBalances(self, request, context):
        while context.is_active():
            row = db.fetch_user_account(self.conn, request.account_id, _caller(context))
            yield ledger_pb2.Account(id=row["id"], owner=row["owner"], balance_cents=row["balance_cents"])
            time.sleep(5)
