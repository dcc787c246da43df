"""VC201 corpus (Azure Functions): an HTTP trigger asks for a function key unless its level is anonymous; a route's
own `auth_level=` decides, else its app's `http_auth_level=` (here anonymous; `AuthLevel.FUNCTION` by default)."""
import azure.functions as func

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


# expect: VC201 -- the app's level asks for no key
@app.route(route="orders", methods=["POST"])
def create_order(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(status_code=201)


# expect: VC201
@app.route(route="orders/{order_id}", methods=["DELETE"], auth_level=func.AuthLevel.ANONYMOUS)
def delete_order(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(status_code=204)


# expect: VC201 -- spelled as a string
@app.route(route="admin/purge", methods=["POST"], auth_level="anonymous")
def purge(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("purged")


# ok: VC201 -- a function key is required
@app.route(route="orders/{order_id}", methods=["PUT"], auth_level=func.AuthLevel.FUNCTION)
def update_order(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("ok")


# ok: VC201 -- the host's admin key is required
@app.route(route="admin/reindex", methods=["POST"], auth_level=func.AuthLevel.ADMIN)
def reindex(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("ok")


# ok: VC201 -- spelled as a string
@app.route(route="carts", methods=["POST"], auth_level="function")
def create_cart(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(status_code=201)


# ok: VC201 -- a read of public data
@app.route(route="products", methods=["GET"])
def list_products(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("[]")
