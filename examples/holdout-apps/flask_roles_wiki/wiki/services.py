from .extensions import db
from .models import Page, PageRevision, Space, User


def get_page(page_id: int) -> Page | None:
    return db.session.get(Page, page_id)


def get_page_for(user: User, page_id: int) -> Page | None:
    return db.session.execute(
        db.select(Page).where(Page.id == page_id, Page.author_id == user.id)
    ).scalar_one_or_none()


def snapshot(page: Page) -> PageRevision:
    revision = PageRevision(page_id=page.id, body=page.body)
    db.session.add(revision)
    return revision


def spaces_of(user: User) -> list[Space]:
    return list(db.session.scalars(db.select(Space).where(Space.owner_id == user.id)))
