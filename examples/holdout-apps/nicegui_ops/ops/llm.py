"""Model helpers: the dashboard asks the model how to fix what it sees."""
from openai import OpenAI

from .settings import OPENAI_MODEL

client = OpenAI()

SYSTEM = (
    "You are an SRE assistant. Answer with a single bash command that fixes the problem. "
    "No explanation, no code fences."
)


def suggest_command(problem: str) -> str:
    completion = client.chat.completions.create(
        model=OPENAI_MODEL,
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": problem}],
    )
    return completion.choices[0].message.content.strip()


def classify_incident(text: str) -> str:
    completion = client.chat.completions.create(
        model=OPENAI_MODEL,
        messages=[{"role": "user", "content": f"Classify as one of restart, scale, ignore: {text}"}],
    )
    return completion.choices[0].message.content.strip().lower()
