"""Request and response bodies. Clients never send ids, owners or statuses they may not set."""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class SignUp(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    password: str = Field(min_length=12, max_length=128)


class OrderCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    total: Decimal = Field(gt=0, max_digits=12, decimal_places=2)
    note: str | None = Field(default=None, max_length=500)


class OrderUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=500)


class OrderOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    status: str
    total: Decimal
    note: str | None
    created_at: datetime


class StatusChange(BaseModel):
    status: Literal["paid", "shipped", "cancelled"]


class ShippingEvent(BaseModel):
    order_id: int
    status: Literal["shipped", "delivered"]
