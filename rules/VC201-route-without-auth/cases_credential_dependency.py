from fastapi import Cookie, Depends, FastAPI, Header

from .sessions import session_for, verify_bearer
from .store import NOTES

app = FastAPI()


def member(authorization: str = Header(...)) -> dict:
    return verify_bearer(authorization)


def session_holder(session_token: str = Cookie()) -> dict:
    return session_for(session_token)


def locale(accept_language: str = Header("en")) -> str:
    return accept_language.split(",")[0]


# ok: VC201 -- `member` requires the Authorization header, whatever it is called
@app.delete("/notes/{note_id}")
def delete_note(note_id: int, who: dict = Depends(member)):
    NOTES.pop(note_id, None)


# ok: VC201 -- a session cookie the dependency requires
@app.post("/notes")
def add_note(text: str, who: dict = Depends(session_holder)):
    NOTES[len(NOTES)] = text


# expect: VC201 -- a language header authenticates no one
@app.put("/notes/{note_id}")
def edit_note(note_id: int, text: str, lang: str = Depends(locale)):
    NOTES[note_id] = text
