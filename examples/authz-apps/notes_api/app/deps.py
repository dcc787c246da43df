from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPBearer

bearer = HTTPBearer()


async def current_account(token=Depends(bearer)):
    account = await lookup(token.credentials)
    if account is None:
        raise HTTPException(401)
    return account


Account = Annotated[dict, Depends(current_account)]
