from fastapi import BackgroundTasks, FastAPI, Request
from starlette.middleware.trustedhost import TrustedHostMiddleware

app = FastAPI()
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["app.example.com"])


def send_email(to, body):
    return to, body


@app.post("/auth/reset")
async def request_reset(request: Request, email: str, tasks: BackgroundTasks):
    # ok: VC234 -- TrustedHostMiddleware refuses any other host
    link = f"{request.base_url}reset?token={email[::-1]}"
    tasks.add_task(send_email, email, link)
