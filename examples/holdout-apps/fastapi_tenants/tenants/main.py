import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .routers import admin, documents, invoices, webhooks

# expect: VC211 -- debug on in the app object
app = FastAPI(title="Tenants API", debug=True)
# expect: VC209 -- wildcard CORS with credentials
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.include_router(invoices.router)
app.include_router(admin.router)
app.include_router(webhooks.router)
app.include_router(documents.router)


@app.get("/health")
async def health():
    return {"status": "ok"}


if __name__ == "__main__":
    uvicorn.run("tenants.main:app", host="0.0.0.0", port=8000)
