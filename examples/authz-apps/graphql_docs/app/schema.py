from typing import Optional

import strawberry
from sqlalchemy import select
from strawberry.types import Info

from .models import Document, User
from .permissions import CanEditDocument, IsAdmin, IsAuthenticated, IsStaff


@strawberry.type
class UserType:
    id: int
    email: str
    display_name: str
    role: str


@strawberry.type
class DocumentType:
    id: int
    title: str
    body: str
    is_public: bool


@strawberry.input
class ProfileInput:
    display_name: Optional[str] = None
    email: Optional[str] = None
    role: Optional[str] = None


@strawberry.input
class DocumentInput:
    title: str
    body: str = ""
    is_public: bool = False


def read_audit_log() -> list[str]:
    with open("audit.log", encoding="utf-8") as handle:
        return handle.read().splitlines()


def to_user(user: User) -> UserType:
    return UserType(id=user.id, email=user.email, display_name=user.display_name, role=user.role)


def to_document(doc: Document) -> DocumentType:
    return DocumentType(id=doc.id, title=doc.title, body=doc.body, is_public=doc.is_public)


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[IsAuthenticated])
    def me(self, info: Info) -> UserType:
        return to_user(info.context.user)

    @strawberry.field(permission_classes=[IsAuthenticated])
    def my_documents(self, info: Info) -> list[DocumentType]:
        db = info.context.db
        rows = db.scalars(select(Document).where(Document.owner_id == info.context.user.id))
        return [to_document(d) for d in rows]

    @strawberry.field(permission_classes=[IsAuthenticated])
    def document(self, info: Info, id: int) -> Optional[DocumentType]:
        # expect: VC214
        doc = info.context.db.get(Document, id)
        return to_document(doc) if doc else None

    @strawberry.field
    def public_document(self, info: Info, id: int) -> Optional[DocumentType]:
        doc = info.context.db.scalar(select(Document).where(Document.id == id, Document.is_public.is_(True)))
        return to_document(doc) if doc else None

    # expect: VC219
    @strawberry.field
    def users(self, info: Info) -> list[UserType]:
        return [to_user(u) for u in info.context.db.scalars(select(User))]

    @strawberry.field
    def audit_log(self, info: Info) -> list[str]:
        # expect: VC207
        if info.context.request.headers.get("X-Role") != "admin":
            raise PermissionError("admins only")
        return read_audit_log()

    @strawberry.field
    def usage_report(self, info: Info) -> list[str]:
        user = info.context.user
        if user is None or user.role != "admin":
            raise PermissionError("admins only")
        return read_audit_log()

    @strawberry.field(permission_classes=[IsStaff])
    def all_users(self, info: Info) -> list[UserType]:
        return [to_user(u) for u in info.context.db.scalars(select(User))]


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def create_document(self, info: Info, data: DocumentInput) -> DocumentType:
        doc = Document(owner_id=info.context.user.id, title=data.title, body=data.body, is_public=data.is_public)
        info.context.db.add(doc)
        info.context.db.commit()
        return to_document(doc)

    @strawberry.mutation(permission_classes=[IsAuthenticated, CanEditDocument])
    def update_document(self, info: Info, id: int, data: DocumentInput) -> DocumentType:
        doc = info.context.db.get(Document, id)
        doc.title = data.title
        doc.body = data.body
        doc.is_public = data.is_public
        info.context.db.commit()
        return to_document(doc)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def delete_document(self, info: Info, id: int) -> bool:
        # expect: VC214
        doc = info.context.db.get(Document, id)
        if doc is None:
            return False
        info.context.db.delete(doc)
        info.context.db.commit()
        return True

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def archive_document(self, info: Info, id: int) -> bool:
        doc = info.context.db.get(Document, id)
        if doc is None or doc.owner_id != info.context.user.id:
            return False
        doc.is_public = False
        info.context.db.commit()
        return True

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def update_profile(self, info: Info, data: ProfileInput) -> UserType:
        user = info.context.user
        for field, value in vars(data).items():
            if value is not None:
                # expect: VC215
                setattr(user, field, value)
        info.context.db.commit()
        return to_user(user)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def rename(self, info: Info, display_name: str) -> UserType:
        user = info.context.user
        user.display_name = display_name
        info.context.db.commit()
        return to_user(user)

    # expect: VC218
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    def deactivate_user(self, info: Info, user_id: int) -> bool:
        user = info.context.db.get(User, user_id)
        user.is_active = False
        info.context.db.commit()
        return True

    @strawberry.mutation(permission_classes=[IsAdmin])
    def set_role(self, info: Info, user_id: int, role: str) -> UserType:
        user = info.context.db.get(User, user_id)
        user.role = role
        info.context.db.commit()
        return to_user(user)

    @strawberry.mutation
    def sign_up(self, info: Info, email: str, display_name: str, role: str = "member") -> UserType:
        # expect: VC217
        user = User(email=email, display_name=display_name, role=role)
        info.context.db.add(user)
        info.context.db.commit()
        return to_user(user)

    @strawberry.mutation
    def request_invite(self, info: Info, email: str) -> bool:
        info.context.db.add(User(email=email, role="member", is_active=False))
        info.context.db.commit()
        return True


schema = strawberry.Schema(query=Query, mutation=Mutation)
