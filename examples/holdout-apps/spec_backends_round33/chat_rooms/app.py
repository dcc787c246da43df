"""Group chat rooms (FastAPI, async SQLAlchemy 2.0): users sign up and get a JWT; they create rooms, invite others
with an invite code, read and post messages in rooms they belong to; the room owner manages members and authors may
delete their own messages."""

import os
import secrets
import uuid
from datetime import datetime, timedelta, timezone
from typing import Annotated, AsyncIterator

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
# expect: VC504
from passlib.context import CryptContext
from pydantic import BaseModel
from sqlalchemy import ForeignKey, String, UniqueConstraint, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# expect: VC203
JWT_SECRET = os.getenv("JWT_SECRET", "chat-secret")
engine = create_async_engine(os.getenv("DATABASE_URL", "sqlite+aiosqlite:///chat.db"))
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)
pwd = CryptContext(schemes=["bcrypt"], deprecated="auto")
bearer = HTTPBearer()
app = FastAPI(title="Chat rooms")


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    password_hash: Mapped[str] = mapped_column(String(128))


class Room(Base):
    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    invite_code: Mapped[str] = mapped_column(String(64), unique=True)


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("room_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    role: Mapped[str] = mapped_column(String(20), default="member")


class Message(Base):
    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(String(4000))
    sent_at: Mapped[datetime] = mapped_column(default=lambda: datetime.now(timezone.utc))


class Credentials(BaseModel):
    username: str
    password: str


class RoomIn(BaseModel):
    name: str


class JoinIn(BaseModel):
    invite_code: str
    role: str = "member"


class MessageIn(BaseModel):
    body: str


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def current_user(
    session: SessionDep, creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]
) -> User:
    token = creds.credentials
    try:
        header = jwt.get_unverified_header(token)
        # expect: VC202
        claims = jwt.decode(token, JWT_SECRET, algorithms=[header["alg"]])
    except (jwt.InvalidTokenError, KeyError):
        # expect: VC105
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")
    user = await session.get(User, int(claims["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown user")
    return user


async def current_user_v2(
    session: SessionDep, creds: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]
) -> User:
    try:
        # ok: VC202
        claims = jwt.decode(creds.credentials, JWT_SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from None
    user = await session.get(User, int(claims["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown user")
    return user


UserDep = Annotated[User, Depends(current_user)]
UserDepV2 = Annotated[User, Depends(current_user_v2)]


async def membership(session: AsyncSession, room_id: int, user_id: int) -> Membership | None:
    return await session.scalar(
        select(Membership).where(Membership.room_id == room_id, Membership.user_id == user_id)
    )


@app.on_event("startup")
async def create_tables() -> None:
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)


@app.post("/signup", status_code=201)
async def signup(body: Credentials, session: SessionDep):
    if await session.scalar(select(User).where(User.username == body.username)):
        raise HTTPException(409, "username taken")
    session.add(User(username=body.username, password_hash=pwd.hash(body.password)))
    await session.commit()
    return {"status": "created"}


@app.post("/login")
async def login(body: Credentials, session: SessionDep):
    user = await session.scalar(select(User).where(User.username == body.username))
    if user is None or not pwd.verify(body.password, user.password_hash):
        raise HTTPException(401, "invalid credentials")
    # expect: VC233
    token = jwt.encode({"sub": str(user.id), "name": user.username}, JWT_SECRET, algorithm="HS256")
    return {"access_token": token, "token_type": "bearer"}


@app.post("/v2/login")
async def login_v2(body: Credentials, session: SessionDep):
    user = await session.scalar(select(User).where(User.username == body.username))
    if user is None or not pwd.verify(body.password, user.password_hash):
        raise HTTPException(401, "invalid credentials")
    expires = datetime.now(timezone.utc) + timedelta(hours=12)
    # ok: VC233
    token = jwt.encode({"sub": str(user.id), "exp": expires}, JWT_SECRET, algorithm="HS256")
    return {"access_token": token, "token_type": "bearer"}


@app.post("/rooms", status_code=201)
async def create_room(body: RoomIn, user: UserDep, session: SessionDep):
    # expect: VC206
    room = Room(name=body.name, owner_id=user.id, invite_code=uuid.uuid1().hex[:10])
    session.add(room)
    await session.flush()
    session.add(Membership(room_id=room.id, user_id=user.id, role="owner"))
    await session.commit()
    return {"id": room.id, "invite_code": room.invite_code}


@app.post("/v2/rooms", status_code=201)
async def create_room_v2(body: RoomIn, user: UserDepV2, session: SessionDep):
    # ok: VC206
    room = Room(name=body.name, owner_id=user.id, invite_code=secrets.token_urlsafe(16))
    session.add(room)
    await session.flush()
    session.add(Membership(room_id=room.id, user_id=user.id, role="owner"))
    await session.commit()
    return {"id": room.id, "invite_code": room.invite_code}


@app.post("/rooms/join")
async def join_room(body: JoinIn, user: UserDep, session: SessionDep):
    room = await session.scalar(select(Room).where(Room.invite_code == body.invite_code))
    if room is None:
        raise HTTPException(404, "invalid invite code")
    # expect: VC215/VC217
    session.add(Membership(room_id=room.id, user_id=user.id, role=body.role))
    await session.commit()
    return {"room_id": room.id}


@app.post("/v2/rooms/join")
async def join_room_v2(body: JoinIn, user: UserDepV2, session: SessionDep):
    room = await session.scalar(select(Room).where(Room.invite_code == body.invite_code))
    if room is None:
        raise HTTPException(404, "invalid invite code")
    if await membership(session, room.id, user.id) is None:
        # ok: VC215/VC217
        session.add(Membership(room_id=room.id, user_id=user.id, role="member"))
        await session.commit()
    return {"room_id": room.id}


@app.get("/rooms/{room_id}/messages")
async def list_messages(room_id: int, user: UserDep, session: SessionDep, limit: int = 50):
    result = await session.scalars(
        # expect: VC214
        select(Message).where(Message.room_id == room_id).order_by(Message.sent_at.desc()).limit(min(limit, 200))
    )
    return [{"id": m.id, "author_id": m.author_id, "body": m.body, "sent_at": m.sent_at} for m in result]


@app.get("/v2/rooms/{room_id}/messages")
async def list_messages_v2(room_id: int, user: UserDepV2, session: SessionDep, limit: int = 50):
    if await membership(session, room_id, user.id) is None:
        raise HTTPException(404, "room not found")
    result = await session.scalars(
        # ok: VC214
        select(Message).where(Message.room_id == room_id).order_by(Message.sent_at.desc()).limit(min(limit, 200))
    )
    return [{"id": m.id, "author_id": m.author_id, "body": m.body, "sent_at": m.sent_at} for m in result]


@app.post("/rooms/{room_id}/messages", status_code=201)
async def post_message(room_id: int, body: MessageIn, user: UserDep, session: SessionDep):
    # expect: VC214
    room = await session.get(Room, room_id)
    if room is None:
        raise HTTPException(404, "room not found")
    message = Message(room_id=room.id, author_id=user.id, body=body.body)
    session.add(message)
    await session.commit()
    return {"id": message.id}


@app.delete("/messages/{message_id}", status_code=204)
async def delete_message(message_id: int, user: UserDep, session: SessionDep):
    # expect: VC214
    message = await session.get(Message, message_id)
    if message is None:
        raise HTTPException(404, "message not found")
    await session.delete(message)
    await session.commit()


@app.delete("/v2/messages/{message_id}", status_code=204)
async def delete_message_v2(message_id: int, user: UserDepV2, session: SessionDep):
    message = await session.get(Message, message_id)
    if message is None or message.author_id != user.id:
        raise HTTPException(404, "message not found")
    # ok: VC214
    await session.delete(message)
    await session.commit()


@app.delete("/rooms/{room_id}/members/{member_id}", status_code=204)
async def remove_member(room_id: int, member_id: int, user: UserDep, session: SessionDep):
    mine = await membership(session, room_id, user.id)
    if mine is None:
        raise HTTPException(404, "room not found")
    target = await membership(session, room_id, member_id)
    if target is None:
        raise HTTPException(404, "member not found")
    # expect: VC218
    await session.delete(target)
    await session.commit()


@app.delete("/v2/rooms/{room_id}/members/{member_id}", status_code=204)
async def remove_member_v2(room_id: int, member_id: int, user: UserDepV2, session: SessionDep):
    room = await session.get(Room, room_id)
    if room is None or room.owner_id != user.id:
        raise HTTPException(403, "only the owner manages members")
    target = await membership(session, room_id, member_id)
    if target is None:
        raise HTTPException(404, "member not found")
    # ok: VC218
    await session.delete(target)
    await session.commit()
