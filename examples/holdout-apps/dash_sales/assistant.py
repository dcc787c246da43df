"""Turns plain-English questions about sales into SQL and chart code with OpenAI."""
import os

from openai import OpenAI

# expect: VC403 -- fallback key in the source
client = OpenAI(api_key=os.getenv("OPENAI_API_KEY", "sk-proj-4fJd93KdlsPq0aXbT7Lm2Qe8RvZc1NwY"))

SCHEMA = "sales(id INTEGER, region TEXT, product TEXT, amount REAL, sold_at TEXT)"

METRICS = {"revenue": "SUM(amount)", "orders": "COUNT(*)", "average": "AVG(amount)"}


def _complete(prompt: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
        temperature=0,
    )
    return resp.choices[0].message.content or ""


def _strip_fences(text: str) -> str:
    text = text.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1].rsplit("```", 1)[0]
    return text.strip()


def question_to_sql(question: str) -> str:
    prompt = f"Write one SQLite query for this schema: {SCHEMA}\nQuestion: {question}\nReturn only SQL."
    return _strip_fences(_complete(prompt))


def chart_code(question: str, columns: list[str]) -> str:
    prompt = (f"A pandas DataFrame `df` has columns {columns}. Write Python using plotly.express as px that "
              f"assigns a figure to `fig` answering: {question}. Only code.")
    return _strip_fences(_complete(prompt))


def pick_metric(question: str) -> str:
    name = _complete(f"Which of {list(METRICS)} does this question ask for? One word. {question}").strip().lower()
    return name if name in METRICS else "revenue"
