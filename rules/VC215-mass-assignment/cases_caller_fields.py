"""VC215 corpus: a body field that names the signed-in caller's row (`vendor_id` beside `vendor: Vendor =
Depends(current_vendor)`) lets the client move what it is copied onto to another caller's account."""
from fastapi import Depends, FastAPI
from pydantic import BaseModel
from sqlalchemy.orm import Session

from .deps import current_merchant, current_vendor, get_db
from .models import Merchant, Product, Vendor

app = FastAPI()


class ProductPatch(BaseModel):
    title: str | None = None
    price: float | None = None
    vendor_id: int | None = None


class StorePatch(BaseModel):
    name: str | None = None
    merchant_id: int | None = None


class ListingPatch(BaseModel):
    title: str | None = None
    category_id: int | None = None


@app.patch("/products/{product_id}")
def update_product(product_id: int, body: ProductPatch, vendor: Vendor = Depends(current_vendor),
                   db: Session = Depends(get_db)):
    product = db.query(Product).filter_by(id=product_id, vendor_id=vendor.id).one()
    for field, value in body.model_dump(exclude_unset=True).items():
        # expect: VC215 -- `vendor_id` hands the product to another vendor
        setattr(product, field, value)
    db.commit()


@app.patch("/stores/{store_id}")
def update_store(store_id: int, body: StorePatch, owner: Merchant = Depends(current_merchant),
                 db: Session = Depends(get_db)):
    store = db.query(Product).filter_by(id=store_id, merchant_id=owner.id).one()
    for field, value in vars(body).items():
        # expect: VC215 -- named by the caller's model, `Merchant`
        setattr(store, field, value)
    db.commit()


@app.patch("/products/{product_id}/safe")
def update_product_safely(product_id: int, body: ProductPatch, vendor: Vendor = Depends(current_vendor),
                          db: Session = Depends(get_db)):
    product = db.query(Product).filter_by(id=product_id, vendor_id=vendor.id).one()
    for field, value in body.model_dump(exclude_unset=True, exclude={"vendor_id"}).items():
        # ok: VC215 -- the caller's field is dropped
        setattr(product, field, value)
    db.commit()


@app.patch("/listings/{listing_id}")
def update_listing(listing_id: int, body: ListingPatch, vendor: Vendor = Depends(current_vendor),
                   db: Session = Depends(get_db)):
    listing = db.query(Product).filter_by(id=listing_id, vendor_id=vendor.id).one()
    for field, value in body.model_dump(exclude_unset=True).items():
        # ok: VC215 -- a category is the vendor's to choose
        setattr(listing, field, value)
    db.commit()


@app.patch("/admin/products/{product_id}")
def move_product(product_id: int, body: ProductPatch, db: Session = Depends(get_db)):
    product = db.get(Product, product_id)
    for field, value in body.model_dump(exclude_unset=True).items():
        # ok: VC215 -- no caller is handed to this route, so nothing says whose `vendor_id` it is
        setattr(product, field, value)
    db.commit()
