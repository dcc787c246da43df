"""BlackSheep application: members, books and loans."""

from datetime import date, timedelta

from blacksheep import Application, Request, json
from blacksheep.server.authorization import allow_anonymous, auth
from guardpost.common import AuthenticatedRequirement, Policy

from library import db
from library.auth import BearerHandler, hash_password, is_librarian, issue_token, verify_password
from library.settings import load_settings

settings = load_settings()
app = Application()
app.use_authentication().add(BearerHandler(settings))
app.use_authorization().add(Policy("authenticated", AuthenticatedRequirement()))
conn = db.connect(settings.database_path)
db.init_schema(conn)


async def on_error(app: Application, request: Request, exc: Exception):
    # expect: VC414
    return json({"error": "internal error", "detail": str(exc)}, status=500)


app.exceptions_handlers[Exception] = on_error


@allow_anonymous()
@app.router.post("/auth/register")
async def register(request: Request):
    body = await request.json()
    conn.execute(
        "INSERT INTO members (email, password_hash, role) VALUES (?, ?, ?)",
        # expect: VC217
        (body["email"], hash_password(body["password"]), body.get("role", "member")),
    )
    conn.commit()
    return json({"status": "registered"}, status=201)


@allow_anonymous()
@app.router.post("/auth/login")
async def login(request: Request):
    body = await request.json()
    member = db.fetch_one(conn, "SELECT * FROM members WHERE email = ?", (body["email"],))
    if member is None or not verify_password(body["password"], member["password_hash"]):
        return json({"error": "invalid credentials"}, status=401)
    return json({"access_token": issue_token(settings, member)})


@allow_anonymous()
@app.router.get("/books")
async def list_books(request: Request):
    term = request.query.get("q", [""])[0]
    sort = request.query.get("sort", ["title"])[0]
    return json(db.search_books(conn, term, sort))


@allow_anonymous()
@app.router.get("/books/by-author/{author}")
async def by_author(author: str):
    return json(db.books_by_author(conn, author))


@auth("authenticated")
@app.router.post("/books")
async def add_book(request: Request):
    identity = request.identity
    if not is_librarian(identity):
        return json({"error": "librarians only"}, status=403)
    body = await request.json()
    cur = conn.execute(
        "INSERT INTO books (title, author, isbn, copies) VALUES (?, ?, ?, ?)",
        (body["title"], body["author"], body.get("isbn"), body.get("copies", 1)),
    )
    conn.commit()
    return json({"id": cur.lastrowid}, status=201)


@auth("authenticated")
@app.router.delete("/books/{book_id}")
async def delete_book(book_id: int, request: Request):
    # expect: VC218
    conn.execute("DELETE FROM books WHERE id = ?", (book_id,))
    conn.commit()
    return json({"deleted": book_id})


@auth("authenticated")
@app.router.post("/loans")
async def borrow(request: Request):
    body = await request.json()
    member_id = int(request.identity.claims["sub"])
    due = (date.today() + timedelta(days=21)).isoformat()
    cur = conn.execute(
        "INSERT INTO loans (book_id, member_id, due_date) VALUES (?, ?, ?)", (body["book_id"], member_id, due)
    )
    conn.commit()
    return json({"loan_id": cur.lastrowid, "due_date": due}, status=201)


@auth("authenticated")
@app.router.get("/loans/{loan_id}")
async def get_loan(loan_id: int, request: Request):
    # expect: VC214
    loan = db.fetch_one(conn, "SELECT * FROM loans WHERE id = ?", (loan_id,))
    if loan is None:
        return json({"error": "not found"}, status=404)
    return json(loan)


@auth("authenticated")
@app.router.post("/loans/{loan_id}/return")
async def return_loan(loan_id: int, request: Request):
    member_id = int(request.identity.claims["sub"])
    # ok: VC214
    loan = db.fetch_one(conn, "SELECT * FROM loans WHERE id = ? AND member_id = ?", (loan_id, member_id))
    if loan is None:
        return json({"error": "not found"}, status=404)
    conn.execute("UPDATE loans SET returned = 1 WHERE id = ?", (loan_id,))
    conn.commit()
    return json({"returned": loan_id})


@auth("authenticated")
@app.router.patch("/members/me")
async def update_me(request: Request):
    member_id = int(request.identity.claims["sub"])
    body = await request.json()
    # expect: VC215
    assignments = ", ".join(f"{column} = ?" for column in body)
    # expect: VC402/VC422
    conn.execute(f"UPDATE members SET {assignments} WHERE id = ?", (*body.values(), member_id))
    conn.commit()
    return json({"updated": list(body)})


# expect: VC219/VC201
@app.router.get("/members/{member_id}/history")
async def member_history(member_id: int):
    rows = conn.execute("SELECT * FROM loans WHERE member_id = ?", (member_id,)).fetchall()
    return json([dict(r) for r in rows])
