"""The Haystack pieces: a chat agent over the tools and a one-shot SQL writer."""

import json
import os

from haystack import Pipeline
from haystack.components.agents import Agent
from haystack.components.builders import PromptBuilder
from haystack.components.generators import OpenAIGenerator
from haystack.components.generators.chat import OpenAIChatGenerator
from haystack.dataclasses import ChatMessage
from haystack.utils import Secret

from research.tools import TOOLS

# expect: VC403
FALLBACK_KEY = "sk-proj-R3s34rchAg3ntF4llb4ckK3yZZ9x7Qp2Lm8Vb6Nc4Xs1"


def api_key() -> Secret:
    # ok: VC403
    return Secret.from_env_var("OPENAI_API_KEY")


agent = Agent(chat_generator=OpenAIChatGenerator(model="gpt-4o-mini", api_key=api_key()), tools=TOOLS)


def ask_agent(question: str) -> str:
    result = agent.run(messages=[ChatMessage.from_user(question)])
    return result["messages"][-1].text


SQL_PROMPT = """Write one DuckDB SQL query that answers the question. Tables: papers(id, title, year, venue),
citations(src, dst), authors(paper_id, name). Answer with the SQL only.
Question: {{ question }}"""

sql_writer = Pipeline()
sql_writer.add_component("prompt", PromptBuilder(template=SQL_PROMPT))
sql_writer.add_component("llm", OpenAIGenerator(model="gpt-4o-mini", api_key=Secret.from_token(FALLBACK_KEY)))
sql_writer.connect("prompt.prompt", "llm.prompt")


def write_sql(question: str) -> str:
    result = sql_writer.run({"prompt": {"question": question}})
    return result["llm"]["replies"][0].strip().strip("`")


def plan_steps(goal: str) -> list[dict]:
    generator = OpenAIGenerator(model="gpt-4o-mini", api_key=Secret.from_token(os.environ["OPENAI_API_KEY"]))
    reply = generator.run(prompt=f"Plan shell steps as JSON list of {{'cmd': ...}} for: {goal}")["replies"][0]
    return json.loads(reply)


def render_custom(template: str, question: str) -> str:
    builder = PromptBuilder(template=template)
    return builder.run(question=question)["prompt"]
