from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional


@dataclass
class Ticket:
    id: int
    subject: str
    status: str
    priority: str
    requester_email: str
    created_at: datetime
    tags: list[str] = field(default_factory=list)
    assignee_id: Optional[int] = None

    @classmethod
    def from_api(cls, data: dict) -> "Ticket":
        return cls(
            id=data["id"],
            subject=data["subject"],
            status=data["status"],
            priority=data.get("priority", "normal"),
            requester_email=data["requester"]["email"],
            created_at=datetime.fromisoformat(data["created_at"].replace("Z", "+00:00")),
            tags=data.get("tags", []),
            assignee_id=data.get("assignee_id"),
        )


@dataclass
class Comment:
    id: int
    ticket_id: int
    body: str
    public: bool

    @classmethod
    def from_api(cls, data: dict) -> "Comment":
        return cls(id=data["id"], ticket_id=data["ticket_id"], body=data["body"], public=data.get("public", True))
