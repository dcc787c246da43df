"""Prompt: error handling for a FastAPI payment route and a Django order view."""

import logging

from django.http import JsonResponse
from fastapi import FastAPI, HTTPException

api = FastAPI()
log = logging.getLogger(__name__)


def charge_card(amount: int) -> str:
    raise RuntimeError("gateway down")


# expect: VC201 -- no route of the app authenticates
@api.post("/pay")
def pay(amount: int):
    try:
        return {"charge": charge_card(amount)}
    except Exception as e:
        # expect: VC414
        raise HTTPException(status_code=500, detail=str(e)) from e


@api.post("/pay-safe")
def pay_safe(amount: int):
    try:
        return {"charge": charge_card(amount)}
    except RuntimeError as e:
        log.exception("charge failed")
        # ok: VC414
        raise HTTPException(status_code=502, detail="payment gateway unavailable") from e


def order(request, order_id):
    try:
        return JsonResponse({"charge": charge_card(int(order_id))})
    except Exception as exc:
        # expect: VC414
        return JsonResponse({"error": repr(exc)}, status=500)
