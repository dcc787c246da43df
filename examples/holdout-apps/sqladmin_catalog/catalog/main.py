"""The vendor catalogue API."""
import os
from pathlib import Path
from urllib.parse import urlparse

import httpx
from fastapi import Depends, FastAPI, HTTPException, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from starlette.middleware.sessions import SessionMiddleware

from .admin import mount_admin
from .models import Product, Vendor, get_db
from .security import current_vendor, issue_token, pwd_context, reset_code, vendor_from_link, verify_password

MEDIA_DIR = Path("/srv/catalog/media")
IMAGE_HOSTS = {"cdn.supplier.example", "images.supplier.example"}

app = FastAPI()
# expect: VC203/VC403, VC210
app.add_middleware(SessionMiddleware, secret_key="sqladmin-session-secret")
# expect: VC209
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
mount_admin(app, os.environ.get("ADMIN_SECRET", ""))


class SignUp(BaseModel):
    email: str
    password: str


class ProductIn(BaseModel):
    title: str
    price: float


class ProductPatch(BaseModel):
    title: str | None = None
    price: float | None = None
    featured: bool | None = None
    vendor_id: int | None = None


@app.post("/signup")
def signup(body: SignUp, db: Session = Depends(get_db)):
    # ok: VC205/VC410
    vendor = Vendor(email=body.email, hashed_password=pwd_context.hash(body.password))
    db.add(vendor)
    db.commit()
    return {"token": issue_token(vendor)}


@app.post("/login")
def login(body: SignUp, db: Session = Depends(get_db)):
    vendor = db.scalar(select(Vendor).where(Vendor.email == body.email))
    if vendor is None or not verify_password(body.password, vendor.hashed_password):
        raise HTTPException(401)
    return {"token": issue_token(vendor)}


@app.post("/password-reset")
def request_reset(email: str, db: Session = Depends(get_db)):
    vendor = db.scalar(select(Vendor).where(Vendor.email == email))
    if vendor is not None:
        code = reset_code()
        db.execute(text("UPDATE vendors SET reset_code = :c WHERE id = :i"), {"c": code, "i": vendor.id})
        db.commit()
    return {"sent": True}


@app.get("/link-login")
def link_login(token: str, db: Session = Depends(get_db)):
    vendor = db.get(Vendor, vendor_from_link(token))
    return {"token": issue_token(vendor)}


@app.post("/products")
def create_product(body: ProductIn, vendor: Vendor = Depends(current_vendor), db: Session = Depends(get_db)):
    product = Product(vendor_id=vendor.id, title=body.title, price=body.price)
    db.add(product)
    db.commit()
    return {"id": product.id}


@app.patch("/products/{product_id}")
def update_product(product_id: int, body: ProductPatch, vendor: Vendor = Depends(current_vendor),
                   db: Session = Depends(get_db)):
    # ok: VC214
    product = db.scalar(select(Product).where(Product.id == product_id, Product.vendor_id == vendor.id))
    if product is None:
        raise HTTPException(404)
    for field, value in body.model_dump(exclude_unset=True).items():
        # expect: VC215
        setattr(product, field, value)
    db.commit()
    return {"ok": True}


@app.delete("/products/{product_id}")
def delete_product(product_id: int, vendor: Vendor = Depends(current_vendor), db: Session = Depends(get_db)):
    # expect: VC214
    product = db.get(Product, product_id)
    if product is None:
        raise HTTPException(404)
    db.delete(product)
    db.commit()
    return {"deleted": product_id}


@app.get("/products/search")
def search(q: str, sort: str = "title", db: Session = Depends(get_db)):
    # expect: VC422/VC402
    rows = db.execute(text(f"SELECT id, title, price FROM products WHERE title LIKE :q ORDER BY {sort}"),
                      {"q": f"%{q}%"})
    return [dict(r._mapping) for r in rows]


@app.post("/products/{product_id}/image")
async def upload_image(product_id: int, file: UploadFile, vendor: Vendor = Depends(current_vendor),
                       db: Session = Depends(get_db)):
    # ok: VC214
    product = db.scalar(select(Product).where(Product.id == product_id, Product.vendor_id == vendor.id))
    if product is None:
        raise HTTPException(404)
    target = MEDIA_DIR / file.filename
    # expect: VC405
    # expect: VC428
    target.write_bytes(await file.read())
    product.image_path = str(target)
    db.commit()
    return {"path": product.image_path}


@app.post("/products/{product_id}/image-from-url")
def image_from_url(product_id: int, url: str, vendor: Vendor = Depends(current_vendor)):
    if urlparse(url).hostname not in IMAGE_HOSTS:
        raise HTTPException(400, "host not allowed")
    # ok: VC405
    response = httpx.get(url, timeout=10)
    response.raise_for_status()
    (MEDIA_DIR / f"{product_id}.jpg").write_bytes(response.content)
    return {"ok": True}


@app.get("/media/{name}")
def media(name: str):
    path = (MEDIA_DIR / name).resolve()
    if not path.is_relative_to(MEDIA_DIR):
        raise HTTPException(404)
    # ok: VC405
    return FileResponse(path)


@app.post("/products/import")
def import_feed(feed_url: str, vendor: Vendor = Depends(current_vendor), db: Session = Depends(get_db)):
    # expect: VC405, VC107
    items = httpx.get(feed_url, timeout=10).json()
    for item in items:
        db.add(Product(vendor_id=vendor.id, title=item["title"], price=item["price"]))
    db.commit()
    return {"imported": len(items)}
