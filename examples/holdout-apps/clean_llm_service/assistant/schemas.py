"""What the model may answer, checked before anything acts on it."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

OrderNumber = Annotated[str, StringConstraints(pattern=r"^ORD-\d{6,10}$")]


class OrderStatusArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    order_number: OrderNumber


class RecentOrdersArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int = Field(default=5, ge=1, le=20)
    status: list[Literal["pending", "paid", "shipped", "cancelled"]] = Field(default_factory=list, max_length=4)


class Triage(BaseModel):
    """The structured answer the triage prompt asks for."""

    model_config = ConfigDict(extra="forbid")
    category: Literal["billing", "shipping", "account", "other"]
    urgency: int = Field(ge=1, le=5)
    summary: str = Field(max_length=500)
    export_filename: str = Field(max_length=100)


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)


class AskResponse(BaseModel):
    answer: str
    tools_used: list[str]
