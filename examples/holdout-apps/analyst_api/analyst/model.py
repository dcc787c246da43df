"""Claude helpers: every answer the app acts on comes from here."""

import json
import os

from anthropic import AsyncAnthropic
from langchain_anthropic import ChatAnthropic
from pydantic import BaseModel

claude = AsyncAnthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
MODEL = "claude-3-5-sonnet-latest"


class QueryPlan(BaseModel):
    sql: str
    chart_title: str


planner = ChatAnthropic(model=MODEL, temperature=0).with_structured_output(QueryPlan)


async def complete(prompt: str, max_tokens: int = 1024) -> str:
    message = await claude.messages.create(model=MODEL, max_tokens=max_tokens,
                                           messages=[{"role": "user", "content": prompt}])
    return message.content[0].text


async def complete_json(prompt: str) -> dict:
    return json.loads(await complete(prompt + "\nAnswer with one JSON object and nothing else."))


def plan_query(question: str) -> QueryPlan:
    return planner.invoke(f"Plan one SQL query over the sales schema for: {question}")
