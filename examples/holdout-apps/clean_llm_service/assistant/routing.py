"""Route a ticket to a queue the model picks from a fixed set; the answer is parsed by the SDK into a schema."""

import logging
from enum import Enum

from openai import AsyncOpenAI
from pydantic import BaseModel, Field

from .config import Settings

logger = logging.getLogger(__name__)


class Queue(str, Enum):
    BILLING = "billing"
    SHIPPING = "shipping"
    ACCOUNT = "account"
    HUMAN = "human"


class RoutingDecision(BaseModel):
    queue: Queue
    confidence: float = Field(ge=0, le=1)


QUEUE_ADDRESSES = {
    Queue.BILLING: "billing@support.example",
    Queue.SHIPPING: "shipping@support.example",
    Queue.ACCOUNT: "accounts@support.example",
    Queue.HUMAN: "frontline@support.example",
}


async def route(client: AsyncOpenAI, settings: Settings, ticket: str) -> str:
    completion = await client.beta.chat.completions.parse(
        model=settings.model,
        messages=[
            {"role": "system", "content": "Pick the support queue for the ticket."},
            {"role": "user", "content": ticket},
        ],
        response_format=RoutingDecision,
    )
    decision = completion.choices[0].message.parsed
    if decision is None or decision.confidence < 0.6:
        return QUEUE_ADDRESSES[Queue.HUMAN]
    # ok: VC401/VC417 -- an enum member chosen by the model, mapped to our own addresses
    return QUEUE_ADDRESSES[decision.queue]


async def stream_answer(client: AsyncOpenAI, settings: Settings, question: str):
    """Yield the answer as server-sent events; the text is data for the widget, which renders it as text."""
    stream = await client.chat.completions.create(
        model=settings.model, messages=[{"role": "user", "content": question}], stream=True
    )
    async for chunk in stream:
        delta = chunk.choices[0].delta.content if chunk.choices else None
        if delta:
            # ok: VC401/VC411 -- an SSE data field, JSON-encoded by the caller
            yield delta
