from fastapi import BackgroundTasks, FastAPI, Request

app = FastAPI()


def send_email(to, body):
    return to, body


@app.post("/auth/magic-link")
async def request_magic_link(request: Request, email: str, tasks: BackgroundTasks):
    token = email[::-1]
    # expect: VC234 -- Starlette's base_url, queued to a mail sender
    link = f"{request.base_url}auth/verify?token={token}"
    tasks.add_task(send_email, email, link)
    return {"sent": True}


@app.post("/auth/verify-email")
async def send_verification(request: Request, email: str, tasks: BackgroundTasks):
    # expect: VC234 -- `request.url_for(...)` builds on the Host header too
    url = request.url_for("confirm_email", token=email[::-1])
    tasks.add_task(send_email, email, str(url))


@app.post("/auth/share")
async def share_page(request: Request, email: str):
    # ok: VC234 -- returned to the client that asked: nobody else receives it
    return {"login_url": str(request.url_for("login"))}
