"""The public client: one method per API operation, returning model objects."""

import logging
from typing import Any, Iterator, Optional

import requests

from .errors import APIError, NotFoundError
from .models import Comment, Ticket
from .transport import Auth, TokenAuth, Transport

logger = logging.getLogger("helpdesk")


class HelpdeskClient:
    def __init__(self, subdomain: str, email: str = "", token: str = "", auth: Optional[Auth] = None,
                 verify_ssl: bool = True, debug: bool = False) -> None:
        self.transport = Transport(f"https://{subdomain}.helpdesk.example.com", auth or TokenAuth(email, token),
                                   verify_ssl=verify_ssl, debug=debug)

    # tickets

    def get_ticket(self, ticket_id: int) -> Ticket:
        return Ticket.from_api(self.transport.request("GET", f"tickets/{ticket_id}")["ticket"])

    def find_ticket(self, ticket_id: int) -> Optional[Ticket]:
        try:
            return self.get_ticket(ticket_id)
        # ok: VC101/VC103
        except NotFoundError:
            return None

    def get_ticket_safe(self, ticket_id: int) -> Optional[Ticket]:
        try:
            return self.get_ticket(ticket_id)
        # ok: VC101/VC103
        except Exception:
            return None

    def list_tickets(self, status: Optional[str] = None, per_page: int = 100) -> Iterator[Ticket]:
        params: dict[str, Any] = {"per_page": per_page}
        if status:
            params["status"] = status
        path = "tickets"
        # ok: VC109
        while True:
            page = self.transport.request("GET", path, params=params)
            for item in page["tickets"]:
                yield Ticket.from_api(item)
            if not page.get("next_page"):
                break
            path = page["next_page"].split("/api/v2/", 1)[1]
            params = {}

    def create_ticket(self, subject: str, body: str, requester_email: str, priority: str = "normal",
                      tags: Optional[list[str]] = None) -> Ticket:
        payload = {"ticket": {"subject": subject, "comment": {"body": body}, "priority": priority,
                              "requester": {"email": requester_email}, "tags": tags or []}}
        return Ticket.from_api(self.transport.request("POST", "tickets", json=payload)["ticket"])

    def update_ticket(self, ticket_id: int, **fields: Any) -> dict:
        try:
            data = self.transport.request("PUT", f"tickets/{ticket_id}", json={"ticket": fields})
            return {"ok": True, "ticket": Ticket.from_api(data["ticket"])}
        # ok: VC103 -- an in-band error the caller can test, which VC103 leaves alone
        except APIError as exc:
            return {"ok": False, "error": str(exc)}

    def close_ticket(self, ticket_id: int) -> Ticket:
        data = self.transport.request("PUT", f"tickets/{ticket_id}", json={"ticket": {"status": "closed"}})
        return Ticket.from_api(data["ticket"])

    # expect: VC501
    def delete_ticket(self, ticket_id: int) -> None:
        pass

    # expect: VC501
    def merge_tickets(self, target_id: int, source_ids: list[int]) -> Ticket:
        raise NotImplementedError

    def search(self, query: str) -> list[Ticket]:
        data = self.transport.request_with_backoff("GET", "search", params={"query": f"type:ticket {query}"})
        return [Ticket.from_api(r) for r in data["results"]]

    # comments

    def add_comment(self, ticket_id: int, body: str, public: bool = True) -> bool:
        try:
            self.transport.request("PUT", f"tickets/{ticket_id}",
                                   json={"ticket": {"comment": {"body": body, "public": public}}})
            return True
        # expect: VC101/VC102/VC103
        except Exception as exc:
            logger.warning("could not comment on %s: %s", ticket_id, exc)
            return False

    def list_comments(self, ticket_id: int) -> list[Comment]:
        data = self.transport.request("GET", f"tickets/{ticket_id}/comments")
        return [Comment.from_api({**c, "ticket_id": ticket_id}) for c in data["comments"]]

    # attachments

    def upload_attachment(self, filename: str, content: bytes) -> str:
        data = self.transport.request("POST", "uploads", params={"filename": filename}, data=content,
                                      headers={"Content-Type": "application/binary"})
        return data["upload"]["token"]

    def download_attachment(self, url: str, external: bool = False) -> bytes:
        return self.transport.download_external(url) if external else self.transport.download(url)

    # users

    def me(self) -> dict:
        # expect: VC106
        resp = requests.get(f"{self.transport.base_url}/api/v2/users/me", auth=self.transport.session.auth)
        # expect: VC107
        return resp.json()["user"]

    def ping(self) -> bool:
        try:
            self.transport.request("GET", "users/me")
        # ok: VC101
        except APIError as exc:
            logger.info("helpdesk ping failed: %s", exc)
            return False
        return True
