from ninja_extra import ControllerBase, api_controller, http_delete, http_get, http_patch, http_post
from ninja_extra.permissions import AllowAny, IsAuthenticated
from ninja_jwt.authentication import JWTAuth

from .models import Invoice, Shelf


@api_controller("/shelves", permissions=[IsAuthenticated])
class ShelfController(ControllerBase):
    # ok: VC201 -- the controller's permission classes run before each of its routes
    @http_post("/")
    def add_shelf(self, label: str):
        return {"id": Shelf.objects.create(label=label).id}

    # expect: VC201 -- its own `[AllowAny]` replaces the controller's permission classes
    @http_delete("/{shelf_id}", permissions=[AllowAny])
    def remove_shelf(self, shelf_id: int):
        Shelf.objects.filter(id=shelf_id).delete()

    # ok: VC201 -- a read of the public catalogue, opened on purpose
    @http_get("/catalogue", permissions=[AllowAny])
    def catalogue(self):
        return list(Shelf.objects.values("label"))


@api_controller("/invoices")
class InvoiceController(ControllerBase):
    # expect: VC201 -- a controller without permissions lets anyone in (the settings' default is `AllowAny`)
    @http_patch("/{invoice_id}")
    def rename(self, invoice_id: int, title: str):
        Invoice.objects.filter(id=invoice_id).update(title=title)

    # ok: VC201 -- the route asks for a login itself
    @http_post("/{invoice_id}/send", permissions=[IsAuthenticated])
    def send(self, invoice_id: int):
        return {"sent": invoice_id}


@api_controller("/admin/invoices", auth=JWTAuth())
class AdminInvoiceController(ControllerBase):
    # ok: VC201 -- the controller's `auth=` authenticates every route
    @http_delete("/{invoice_id}")
    def purge(self, invoice_id: int):
        Invoice.objects.filter(id=invoice_id).delete()
