import instructor
from anthropic import Anthropic
from openai import OpenAI
from pydantic import BaseModel

from .settings import settings

openai_client = OpenAI(api_key=settings.openai_api_key)
structured = instructor.from_openai(openai_client)
claude = Anthropic(api_key=settings.anthropic_api_key.get_secret_value())


class RemediationPlan(BaseModel):
    summary: str
    shell_command: str
    service: str


def plan_remediation(alert: str) -> RemediationPlan:
    return structured.chat.completions.create(
        model=settings.model,
        response_model=RemediationPlan,
        messages=[{"role": "system", "content": "You are an SRE assistant."}, {"role": "user", "content": alert}],
    )


def ask_claude(prompt: str) -> str:
    message = claude.messages.create(
        model="claude-3-5-sonnet-latest", max_tokens=1024, messages=[{"role": "user", "content": prompt}],
    )
    return message.content[0].text
