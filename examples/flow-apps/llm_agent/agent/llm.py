import json

import anthropic
from openai import OpenAI

client = OpenAI()
claude = anthropic.Anthropic()

SYSTEM = "You are a helpful DevOps assistant. Answer with the command only."


def ask(prompt: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
    )
    return response.choices[0].message.content.strip()


def ask_json(prompt: str) -> dict:
    return json.loads(ask(prompt + "\nAnswer in JSON."))


def ask_claude(prompt: str) -> str:
    message = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024,
                                     messages=[{"role": "user", "content": prompt}])
    return message.content[0].text


def model_name() -> str:
    return "gpt-4o"
