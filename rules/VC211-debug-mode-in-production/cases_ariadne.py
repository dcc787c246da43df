"""VC211 corpus, Ariadne: `debug=True` given to the GraphQL app, which then puts each failed resolver's traceback into
the error it answers (`extensions.exception`)."""
import os

from ariadne import QueryType, make_executable_schema
from ariadne.asgi import GraphQL
from ariadne.wsgi import GraphQL as WsgiGraphQL

query = QueryType()
schema = make_executable_schema("type Query { hello: String }", query)

# expect: VC211
graphql_app = GraphQL(schema, debug=True)

# expect: VC211
wsgi_app = WsgiGraphQL(schema, debug=True)

# ok: VC211
quiet_app = GraphQL(schema, debug=False)

# ok: VC211
env_app = GraphQL(schema, debug=os.environ.get("GRAPHQL_DEBUG") == "1")
