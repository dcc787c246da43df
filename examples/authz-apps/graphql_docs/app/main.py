from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

from .context import get_context
from .schema import schema

app = FastAPI(title="Docs GraphQL")
app.include_router(GraphQLRouter(schema, context_getter=get_context), prefix="/graphql")


@app.get("/health")
def health():
    return {"ok": True}
