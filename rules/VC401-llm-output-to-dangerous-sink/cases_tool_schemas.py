"""VC401 corpus: a module that hands the model tool schemas naming its functions, and calls what the model picks by
name (`globals()[call.function.name](**args)`): each named function's parameters are the model's arguments."""
import json
import subprocess
from pathlib import Path

from openai import OpenAI

__all__ = ["run_agent", "render_report"]

client = OpenAI()
NOTES = Path("/srv/notes")


def save_note(filename: str, content: str) -> str:
    # expect: VC401 -- the model names the file
    (NOTES / filename).write_text(content)
    return "saved"


def diagnose(command: str) -> str:
    # expect: VC401 -- the model's command line
    return subprocess.run(command, shell=True, capture_output=True, text=True, check=True).stdout


def render_report(path: str) -> str:
    # ok: VC401 -- exported, not a tool: no schema names it
    return Path(path).read_text()


TOOL_SPECS = [
    {"type": "function", "function": {"name": name, "parameters": {"type": "object"}}}
    for name in ("save_note", "diagnose")
]


def run_agent(question: str) -> str:
    messages = [{"role": "user", "content": question}]
    response = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOL_SPECS)
    for call in response.choices[0].message.tool_calls or []:
        # expect: VC401 -- the model picks the function
        globals()[call.function.name](**json.loads(call.function.arguments))
    return response.choices[0].message.content or ""
