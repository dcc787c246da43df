import os

import jwt
# expect: VC504 -- forgotten: bson comes with pymongo, not declared
from bson import ObjectId
from fastapi import Depends, Header, HTTPException
from motor.motor_asyncio import AsyncIOMotorClient

mongo = AsyncIOMotorClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
db = mongo["shop"]
JWT_SECRET = os.environ["JWT_SECRET"]


async def current_user(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        # expect: VC202 -- PyJWT decode without algorithms
        claims = jwt.decode(token, JWT_SECRET)
    except jwt.InvalidTokenError as exc:
        raise HTTPException(401, "invalid token") from exc
    user = await db.users.find_one({"_id": ObjectId(claims["sub"])})
    if not user:
        raise HTTPException(401, "unknown user")
    return user


async def current_user_strict(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        # ok: VC202 -- verified with algorithms
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError as exc:
        raise HTTPException(401, "invalid token") from exc
    user = await db.users.find_one({"_id": ObjectId(claims["sub"])})
    if not user:
        raise HTTPException(401, "unknown user")
    return user


# expect: VC212 -- role check whose branch refuses no one (reported at the dependency)
def staff_only(user: dict = Depends(current_user_strict)) -> dict:
    if user.get("role") != "staff" and ["staff", "admin"]:
        pass
    return user


def admin_only(user: dict = Depends(current_user_strict)) -> dict:
    # ok: VC212 -- real role check
    if user.get("role") != "admin":
        raise HTTPException(403, "admin only")
    return user
