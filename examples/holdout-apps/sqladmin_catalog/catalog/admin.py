"""The SQLAdmin back office, mounted at /admin."""
from sqladmin import Admin, ModelView
from sqladmin.authentication import AuthenticationBackend
from starlette.requests import Request

from .models import Product, SessionLocal, Vendor, engine
from .security import verify_password


class BackOfficeAuth(AuthenticationBackend):
    async def login(self, request: Request) -> bool:
        form = await request.form()
        with SessionLocal() as db:
            vendor = db.query(Vendor).filter_by(email=form["username"]).first()
        if vendor is None or not verify_password(form["password"], vendor.hashed_password):
            return False
        request.session.update({"vendor_id": vendor.id, "superuser": vendor.is_superuser})
        return True

    async def logout(self, request: Request) -> bool:
        request.session.clear()
        return True

    # expect: VC212
    async def authenticate(self, request: Request) -> bool:
        return True


class VendorAdmin(ModelView, model=Vendor):
    column_list = [Vendor.id, Vendor.email, Vendor.is_superuser]
    can_delete = False


class ProductAdmin(ModelView, model=Product):
    column_list = [Product.id, Product.title, Product.price, Product.featured]
    column_searchable_list = [Product.title]


def mount_admin(app, secret_key: str) -> Admin:
    admin = Admin(app, engine, authentication_backend=BackOfficeAuth(secret_key=secret_key))
    admin.add_view(VendorAdmin)
    admin.add_view(ProductAdmin)
    return admin
