"""Model helpers: structured output, streaming and JSON answers, used by the runner."""

import json

from google import genai
from mistralai import Mistral
from openai import OpenAI
from pydantic import BaseModel

openai_client = OpenAI()
mistral = Mistral(api_key="")
gemini = genai.Client()


class Plan(BaseModel):
    command: str
    sql: str
    output_path: str


def plan_step(goal: str) -> Plan:
    completion = openai_client.beta.chat.completions.parse(
        model="gpt-4o-2024-08-06",
        messages=[{"role": "user", "content": goal}],
        response_format=Plan,
    )
    return completion.choices[0].message.parsed


def stream_code(task: str) -> str:
    stream = openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": f"Python code for: {task}"}], stream=True)
    code = ""
    for chunk in stream:
        code += chunk.choices[0].delta.content or ""
    return code


def ask_json(prompt: str) -> dict:
    response = mistral.chat.complete(model="mistral-large-latest",
                                     messages=[{"role": "user", "content": prompt}],
                                     response_format={"type": "json_object"})
    return json.loads(response.choices[0].message.content)


def gemini_text(prompt: str) -> str:
    return gemini.models.generate_content(model="gemini-2.0-flash", contents=prompt).text
