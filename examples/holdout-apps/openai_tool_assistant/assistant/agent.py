"""OpenAI tool-calling loop for the docs assistant."""

import json
import logging

from openai import OpenAI

from .config import OPENAI_API_KEY, settings
from .tools import TOOL_SCHEMAS, TOOLS

log = logging.getLogger(__name__)
client = OpenAI(api_key=OPENAI_API_KEY)

SYSTEM_PROMPT = (
    "You are a helpful assistant for the Acme support team. Use the tools to look up orders and documentation. "
    "Answer concisely."
)


def run_agent(user_message: str, history: list[dict] | None = None) -> str:
    messages: list[dict] = [{"role": "system", "content": SYSTEM_PROMPT}]
    messages += history or []
    messages.append({"role": "user", "content": user_message})

    for _ in range(settings.max_tool_rounds):
        response = client.chat.completions.create(
            model=settings.openai_model, messages=messages, tools=TOOL_SCHEMAS, tool_choice="auto"
        )
        msg = response.choices[0].message
        if not msg.tool_calls:
            return msg.content or ""
        messages.append(msg.model_dump(exclude_none=True))
        for call in msg.tool_calls:
            args = json.loads(call.function.arguments)
            fn = TOOLS.get(call.function.name)
            if fn is None:
                result = f"error: unknown tool {call.function.name}"
            else:
                try:
                    result = fn(**args)
                except Exception as exc:
                    log.exception("tool %s failed", call.function.name)
                    result = f"error: {exc}"
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
            # seed: tool output pasted into the system prompt (prompt injection through a fetched page)
            messages[0]["content"] = SYSTEM_PROMPT + "\n\nFacts gathered so far:\n" + result
    return "I could not finish within the tool budget."


def extract_filters(question: str) -> dict:
    """Ask the model for structured search filters."""
    response = client.chat.completions.create(
        model=settings.openai_model,
        messages=[
            {"role": "system", "content": "Return a Python dict literal with keys customer and status."},
            {"role": "user", "content": question},
        ],
    )
    text = response.choices[0].message.content
    # expect: VC401
    return eval(text)


def extract_filters_json(question: str) -> dict:
    """Same, in JSON mode."""
    response = client.chat.completions.create(
        model=settings.openai_model,
        response_format={"type": "json_object"},
        messages=[
            {"role": "system", "content": "Return JSON with keys customer and status."},
            {"role": "user", "content": question},
        ],
    )
    # ok: VC401
    return json.loads(response.choices[0].message.content or "{}")


def summarise_document(document_text: str, question: str) -> str:
    """Answer a question about an uploaded document, with the tools available."""
    prompt = f"Document:\n---\n{document_text}\n---\n\nQuestion: {question}"
    return run_agent(prompt)
