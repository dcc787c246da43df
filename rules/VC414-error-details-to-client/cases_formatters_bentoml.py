"""VC414 corpus (GraphQL error formatters and BentoML): a formatter handed to the GraphQL app answers with the entry it
returns, and a BentoML API method with its return value."""
import logging
import traceback

import bentoml
from ariadne import format_error as default_format
from ariadne.asgi import GraphQL
from graphql import GraphQLError

from .schema import schema

logger = logging.getLogger(__name__)


def describe_failure(err: GraphQLError, debug: bool = False) -> dict:
    cause = err.original_error
    # expect: VC414 -- the resolver's exception, in the error entry
    return {"message": err.message, "cause": f"{type(cause).__name__}: {cause}"}


def masked(err: GraphQLError, debug: bool = False) -> dict:
    if debug:
        return default_format(err, debug)
    entry = err.formatted
    entry["message"] = "internal error"
    # ok: VC414 -- the formatted entry with its message replaced
    return entry


def with_trace(err, debug=False):
    # expect: VC414
    return {"message": "failed", "trace": traceback.format_exception(err.original_error)}


def build_app(debug: bool):
    return GraphQL(schema, debug=debug, error_formatter=describe_failure)


public = GraphQL(schema, error_formatter=masked)
traced = GraphQL(schema, error_formatter=with_trace)


def unused_formatter(err, debug=False):
    # ok: VC414 -- handed to no app
    return {"message": str(err.original_error)}


@bentoml.service
class Ranker:
    @bentoml.api
    def rank(self, query: str) -> dict:
        try:
            return {"items": self.search(query)}
        except RuntimeError as failure:
            # expect: VC414
            return {"ok": False, "reason": repr(failure)}

    @bentoml.api(route="/v2/rank")
    def rank_v2(self, query: str) -> dict:
        try:
            return {"items": self.search(query)}
        except RuntimeError:
            logger.exception("ranking failed")
            # ok: VC414 -- a fixed message
            return {"ok": False, "reason": "ranking failed"}

    @bentoml.task
    def reindex(self, corpus: str) -> str:
        try:
            self.build(corpus)
        except OSError as err:
            # expect: VC414
            return f"reindex failed: {err}"
        return "done"

    def search(self, query: str) -> list:
        try:
            return self.index.lookup(query)
        except KeyError as err:
            # ok: VC414 -- a helper method, not an API: its caller decides what the client sees
            return [str(err)]
