"""VC201 corpus (BlackSheep, Robyn): BlackSheep's `@auth(...)` marks the handler it is given, so it guards from either
side of the route decorator; Robyn's `auth_required=True` guards the route it is given to."""
from blacksheep import Application, Request, json
from blacksheep.server.authorization import allow_anonymous, auth
from blacksheep.server.authorization import auth as requires_policy
from robyn import Request as RobynRequest
from robyn import Robyn

from .guards import login_required

app = Application()
bot = Robyn(__file__)


# ok: VC201
@auth("authenticated")
@app.router.post("/books")
async def add_book(request: Request):
    return json(await request.json(), status=201)


# ok: VC201
@app.router.delete("/books/{book_id}")
@auth("librarian")
async def delete_book(book_id: int):
    return json({"deleted": book_id})


# ok: VC201
@requires_policy()
@app.router.put("/loans/{loan_id}")
async def renew_loan(loan_id: int):
    return json({"renewed": loan_id})


# ok: VC201
@allow_anonymous()
@app.router.post("/auth/register")
async def register(request: Request):
    return json({"status": "registered"}, status=201)


# expect: VC201
@app.router.post("/reservations")
async def reserve(request: Request):
    return json(await request.json(), status=201)


# expect: VC201
@app.router.get("/admin/members")
async def list_members():
    return json([])


# ok: VC201
@bot.post("/pastes", auth_required=True)
def create_paste(request: RobynRequest):
    return {"created": request.json()}


# ok: VC201
@bot.delete("/admin/pastes/:slug", auth_required=True)
def remove_paste(request: RobynRequest):
    return {"deleted": request.path_params["slug"]}


# expect: VC201
@bot.post("/pastes/import", auth_required=False)
def import_paste(request: RobynRequest):
    return {"imported": request.json()}


# expect: VC201
@bot.delete("/admin/purge")
def purge(request: RobynRequest):
    return {"purged": True}


# expect: VC201
@bot.put("/settings", auth_required=None)
def save_settings(request: RobynRequest):
    return {"saved": request.json()}


# ok: VC201
@bot.post("/login")
def login(request: RobynRequest):
    return {"token": "..."}


# ok: VC201
@bot.patch("/pastes/:slug", auth_required=True)
def edit_paste(request: RobynRequest):
    return {"edited": request.path_params["slug"]}


# expect: VC201
@bot.post("/pastes/:slug/publish")
def publish(request: RobynRequest):
    return {"published": request.path_params["slug"]}



# expect: VC201 -- a wrapper of the project's own, applied after the route holds the unwrapped handler
@login_required
@app.router.post("/notes")
async def create_note(request: Request):
    return json(await request.json(), status=201)


# expect: VC201
@app.router.patch("/members/{member_id}")
async def update_member(member_id: int, request: Request):
    return json(await request.json())
