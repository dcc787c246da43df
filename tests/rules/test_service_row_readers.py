"""VC214 two calls and a module away: a FastAPI handler hands the client's id to an injected service's method, which
reads the row through a repository and cannot know the caller."""

from __future__ import annotations

from pathlib import Path

from tests.rules.cli_findings import reported_lines, write_dedented

REPOSITORIES = """
    from sqlalchemy import select

    from .models import Invoice


    class InvoiceRepository:
        def __init__(self, session):
            self.session = session

        async def get(self, invoice_id: int):
            return await self.session.get(Invoice, invoice_id)

        async def get_for_account(self, invoice_id: int, account_id: int):
            stmt = select(Invoice).where(Invoice.id == invoice_id, Invoice.account_id == account_id)
            return (await self.session.execute(stmt)).scalar_one_or_none()
"""
SERVICES = """
    from .context import current_account_id
    from .repositories import InvoiceRepository


    class InvoiceService:
        def __init__(self, invoices: InvoiceRepository) -> None:
            self.invoices = invoices

        async def invoice(self, invoice_id: int):
            return await self.invoices.get(invoice_id)

        async def void(self, invoice_id: int):
            inv = await self.invoices.get(invoice_id)
            inv.status = "void"
            await self.invoices.save(inv)
            return inv

        async def invoice_of(self, invoice_id: int, account_id: int):
            return await self.invoices.get_for_account(invoice_id, account_id)

        async def checked(self, invoice_id: int):
            invoice = await self.invoices.get(invoice_id)
            if invoice.account_id != current_account_id.get():
                return None
            return invoice

        async def direct(self, invoice_id: int):
            return await self.invoices.session.get(Invoice, invoice_id)


    class AccountInvoices:
        def __init__(self, invoices: InvoiceRepository, account) -> None:
            self.invoices = invoices
            self.account = account

        async def invoice(self, invoice_id: int):
            return await self.invoices.get(invoice_id)


    class SessionInvoices:
        def __init__(self, session) -> None:
            self.session = session

        async def invoice(self, invoice_id: int):
            return await self.session.get(Invoice, invoice_id)
"""
ROUTES = """
    from typing import Annotated

    import httpx
    from fastapi import Depends, FastAPI

    from .deps import CurrentAccount, account_invoices, invoice_service, session_invoices
    from .services import AccountInvoices, InvoiceService, SessionInvoices

    app = FastAPI()
    Service = Annotated[InvoiceService, Depends(invoice_service)]


    @app.get("/a/{invoice_id}")
    async def through_a_repository(invoice_id: int, account: CurrentAccount, service: Service):
        invoice = await service.invoice(invoice_id)
        return {"total": invoice.total}


    @app.get("/b/{invoice_id}")
    async def typed_plainly(invoice_id: int, account: CurrentAccount, service: InvoiceService = Depends(invoice_service)):
        inv = await service.void(invoice_id)
        return {"status": inv.status}


    @app.get("/c/{invoice_id}")
    async def through_the_session(invoice_id: int, account: CurrentAccount,
                                  service: Annotated[SessionInvoices, Depends(session_invoices)]):
        return {"total": (await service.invoice(invoice_id)).total}


    @app.get("/d/{invoice_id}")
    async def handed_the_caller_too(invoice_id: int, account: CurrentAccount, service: Service):
        return {"total": (await service.invoice_of(invoice_id, account.id)).total}


    @app.get("/e/{invoice_id}")
    async def the_service_checks_the_owner(invoice_id: int, account: CurrentAccount, service: Service):
        return {"total": (await service.checked(invoice_id)).total}


    @app.get("/f/{invoice_id}")
    async def a_service_built_for_the_caller(invoice_id: int, account: CurrentAccount,
                                             service: Annotated[AccountInvoices, Depends(account_invoices)]):
        return {"sum": (await service.invoice(invoice_id)).total}


    @app.get("/g/{invoice_id}")
    async def a_library_client(invoice_id: int, account: CurrentAccount, client: httpx.AsyncClient):
        return {"total": (await client.get(invoice_id)).json()}


    @app.get("/h/{invoice_id}")
    async def a_method_no_module_defines(invoice_id: int, account: CurrentAccount, service: Service):
        return {"total": (await service.refresh(invoice_id)).total}
"""


def _reported(root: Path, paths: list[Path]) -> list[str]:
    return reported_lines(root, paths, "VC214")


def _project(root: Path) -> None:
    write_dedented(root, {"app/__init__.py": "", "app/repositories.py": REPOSITORIES, "app/services.py": SERVICES,
                  "app/routes.py": ROUTES})


def test_an_injected_services_method_reading_by_the_id_alone_is_reported(tmp_path: Path) -> None:
    _project(tmp_path)
    assert _reported(tmp_path, [tmp_path]) == [
        'inv = await service.void(invoice_id)', 'invoice = await service.invoice(invoice_id)',
        'return {"total": (await service.invoice(invoice_id)).total}']


def test_a_service_the_run_does_not_see_is_given_the_benefit_of_the_doubt(tmp_path: Path) -> None:
    _project(tmp_path)
    assert _reported(tmp_path, [tmp_path / "app" / "routes.py"]) == []
