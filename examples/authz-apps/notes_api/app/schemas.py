from pydantic import BaseModel


class NoteIn(BaseModel):
    title: str
    body: str


class NoteUpdate(BaseModel):
    title: str
    body: str
    owner_id: int
