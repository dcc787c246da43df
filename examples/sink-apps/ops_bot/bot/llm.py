"""The model that plans operations."""
from openai import OpenAI

client = OpenAI()


def plan_command(task):
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": "Reply with one shell command."}, {"role": "user", "content": task}],
    )
    return response.choices[0].message.content.strip()
