"""VC218 corpus: an administrators' route that tests the role the server stored on the request after signing the caller
in (Microdot's and Flask's `request.g`, Starlette's `request.state`) restricts it; the role a client sends does not."""
from microdot import Microdot
from microdot.auth import TokenAuth

app = Microdot()
auth = TokenAuth()


# ok: VC218 -- the role of the signed-in caller, as the server loaded it
@app.post("/api/admin/flash")
@auth
async def flash(request):
    if request.g.current_user["role"] != "admin":
        return {"error": "forbidden"}, 403
    return {"started": True}


# ok: VC218 -- the same through `request.state`
@app.post("/api/admin/reindex")
@auth
async def reindex(request):
    if request.state.user.get("role") != "admin":
        return {"error": "forbidden"}, 403
    return {"started": True}


# expect: VC218 -- any signed-in caller may wipe the fleet
@app.post("/api/admin/wipe")
@auth
async def wipe(request):
    return {"wiped": True}
