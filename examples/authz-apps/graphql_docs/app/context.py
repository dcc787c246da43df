import jwt
from fastapi import Request
from strawberry.fastapi import BaseContext

from .models import SessionLocal, User

SECRET_KEY = "change-me"


class Context(BaseContext):
    def __init__(self, request, db, user):
        super().__init__()
        self.request = request
        self.db = db
        self.user = user


def user_from_request(request: Request, db):
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        payload = jwt.decode(header[7:], SECRET_KEY, algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
    return db.get(User, payload["sub"])


async def get_context(request: Request) -> Context:
    db = SessionLocal()
    return Context(request=request, db=db, user=user_from_request(request, db))
