from __future__ import annotations

import os
import secrets
from datetime import date
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, status
from pydantic import BaseModel, Field

from todos.repo import Todo, TodoRepo
from todos.slugs import parse_due, slugify

app = FastAPI(title="todos")
_repo = TodoRepo()


def get_repo() -> TodoRepo:
    return _repo


def _tokens() -> dict[str, str]:
    """`TODO_TOKENS=alice:tok1,bob:tok2` maps each bearer token to its user."""
    pairs = (item.split(":", 1) for item in os.environ.get("TODO_TOKENS", "").split(",") if ":" in item)
    return {token: user for user, token in pairs}


def current_user(authorization: Annotated[str, Header()]) -> str:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer":
        for known, user in _tokens().items():
            if secrets.compare_digest(known, token):
                return user
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")


User = Annotated[str, Depends(current_user)]
Repo = Annotated[TodoRepo, Depends(get_repo)]


class TodoIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    due: str | None = None


class TodoOut(BaseModel):
    id: int
    title: str
    slug: str
    due: date | None
    done: bool

    @classmethod
    def of(cls, todo: Todo) -> TodoOut:
        return cls(id=todo.id, title=todo.title, slug=todo.slug, due=todo.due, done=todo.done)


@app.post("/todos", status_code=status.HTTP_201_CREATED, response_model=TodoOut)
async def create_todo(body: TodoIn, user: User, repo: Repo) -> TodoOut:
    try:
        due = parse_due(body.due, date.today()) if body.due else None
    except ValueError:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "unreadable due date") from None
    todo = await repo.add(user, body.title, slugify(body.title), due)
    return TodoOut.of(todo)


@app.get("/todos", response_model=list[TodoOut])
async def list_todos(user: User, repo: Repo, done: bool | None = None) -> list[TodoOut]:
    return [TodoOut.of(t) for t in await repo.list_for(user, done)]


@app.get("/todos/{todo_id}", response_model=TodoOut)
async def get_todo(todo_id: int, user: User, repo: Repo) -> TodoOut:
    todo = await repo.get_for(user, todo_id)
    if todo is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such todo")
    return TodoOut.of(todo)


@app.post("/todos/{todo_id}/done", response_model=TodoOut)
async def complete_todo(todo_id: int, user: User, repo: Repo) -> TodoOut:
    todo = await repo.complete(user, todo_id)
    if todo is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such todo")
    return TodoOut.of(todo)
