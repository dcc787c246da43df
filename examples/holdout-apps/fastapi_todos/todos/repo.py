from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field, replace
from datetime import date


@dataclass(frozen=True)
class Todo:
    id: int
    owner: str
    title: str
    slug: str
    due: date | None = None
    done: bool = False


@dataclass
class TodoRepo:
    _rows: dict[int, Todo] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def add(self, owner: str, title: str, slug: str, due: date | None = None) -> Todo:
        async with self._lock:
            todo = Todo(next(self._ids), owner, title, slug, due)
            self._rows[todo.id] = todo
            return todo

    async def list_for(self, owner: str, done: bool | None = None) -> list[Todo]:
        return [t for t in self._rows.values() if t.owner == owner and (done is None or t.done == done)]

    async def get_for(self, owner: str, todo_id: int) -> Todo | None:
        todo = self._rows.get(todo_id)
        return todo if todo and todo.owner == owner else None

    async def complete(self, owner: str, todo_id: int) -> Todo | None:
        async with self._lock:
            todo = await self.get_for(owner, todo_id)
            if todo is None:
                return None
            self._rows[todo_id] = replace(todo, done=True)
            return self._rows[todo_id]
