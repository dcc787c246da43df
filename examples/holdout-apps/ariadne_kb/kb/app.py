"""Starlette app serving the GraphQL endpoint."""

from __future__ import annotations

from ariadne import load_schema_from_path, make_executable_schema
from ariadne.asgi import GraphQL
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount

from .auth import get_context
from .models import database
from .resolvers import mutation, query

type_defs = load_schema_from_path("kb/schema.graphql")
schema = make_executable_schema(type_defs, query, mutation)


def format_error(error, debug: bool = False) -> dict:
    # expect: VC414
    return {"message": str(error.original_error or error), "trace": repr(error.original_error)}


# expect: VC211
graphql = GraphQL(schema, context_value=get_context, debug=True, error_formatter=format_error)

app = Starlette(
    routes=[Mount("/graphql", graphql)],
    middleware=[
        # expect: VC209
        Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"]),
    ],
    on_startup=[database.connect],
    on_shutdown=[database.disconnect],
)
