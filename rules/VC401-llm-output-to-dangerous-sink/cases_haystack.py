"""VC401 corpus: Haystack's generators, a pipeline the module adds a generator to, and the functions it hands an
agent as tools (`@tool`, `Tool(function=...)`, `create_tool_from_function`)."""
import os
import sqlite3
import subprocess

from haystack import Pipeline
from haystack.components.agents import Agent
from haystack.components.builders import PromptBuilder
from haystack.components.generators import OpenAIGenerator
from haystack.components.generators.chat import OpenAIChatGenerator
from haystack.tools import Tool, create_tool_from_function, tool

conn = sqlite3.connect("app.db")
writer = Pipeline()
writer.add_component("prompt", PromptBuilder(template="SQL for: {{ q }}"))
writer.add_component("llm", OpenAIGenerator(model="gpt-4o-mini"))
writer.connect("prompt.prompt", "llm.prompt")


def answer_with_sql(question):
    result = writer.run({"prompt": {"q": question}})
    sql = result["llm"]["replies"][0]
    # expect: VC401
    return conn.execute(sql).fetchall()


def plan(goal):
    generator = OpenAIGenerator(model="gpt-4o-mini")
    reply = generator.run(prompt=f"One shell command to {goal}")["replies"][0]
    # expect: VC401
    os.system(reply)


def count_question(question):
    result = writer.run({"prompt": {"q": question}})
    # ok: VC401 -- only the answer's length is used
    return conn.execute("SELECT ?", (len(result["llm"]["replies"][0]),)).fetchone()


@tool
def shell(command: str) -> str:
    """Run a command."""
    # expect: VC401
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


def read_file(path: str) -> str:
    # expect: VC401
    return open(path).read()


def remove(path: str) -> None:
    # expect: VC401
    os.remove(path)


def grep(word: str) -> str:
    # ok: VC401 -- one argument of a fixed program
    return subprocess.run(["grep", "-n", "--", word, "notes.txt"], capture_output=True, text=True, check=True).stdout


def untouched(path: str) -> None:
    # ok: VC401 -- no agent is handed this function
    os.remove(path)


reader = Tool(name="read_file", description="Read a file", parameters={"type": "object"}, function=read_file)
agent = Agent(chat_generator=OpenAIChatGenerator(model="gpt-4o-mini"),
              tools=[reader, create_tool_from_function(remove), shell, Tool("grep", "Grep", {}, grep)])
