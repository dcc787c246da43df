"""VC217 corpus, Emmett: a privilege read from `await request.body_params`."""
from emmett import App, request, session
from emmett.tools import service

from .models import User

app = App(__name__)


@app.route("/me", methods=["put"])
@service.json
async def update_me():
    params = await request.body_params
    user = User.get(session.auth.user.id)
    # expect: VC217
    user.update_record(display_name=params.display_name, is_admin=params.get("is_admin", False))
    return {"ok": True}


@app.route("/me/name", methods=["put"])
@service.json
async def rename_me():
    params = await request.body_params
    user = User.get(session.auth.user.id)
    # ok: VC217 -- no privilege among the fields
    user.update_record(display_name=params.display_name)
    return {"ok": True}
