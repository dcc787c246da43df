from fastapi import FastAPI
from pydantic import BaseModel

from .claude_agent import ask
from .openai_agent import run_agent, text_to_sql

app = FastAPI()


class Question(BaseModel):
    question: str


# expect: VC201 -- forgotten: an agent with a shell tool, open to anyone
@app.post("/ask")
def ask_openai(body: Question):
    return {"answer": run_agent(body.question)}


@app.post("/ask/claude")
def ask_claude(body: Question):
    return {"answer": ask(body.question)}


@app.post("/sql")
def sql(body: Question):
    return {"rows": text_to_sql(body.question)}
