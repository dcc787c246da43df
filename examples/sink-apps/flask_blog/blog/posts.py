"""Post queries."""
from sqlalchemy import text

from blog.models import Post, db

SORTS = {"new": Post.created_at.desc(), "old": Post.created_at.asc(), "title": Post.title}


def search_posts(term):
    # sink: CWE-89
    return db.session.execute(text(f"SELECT id, title FROM posts WHERE title LIKE '%{term}%'")).all()


def sorted_posts(sort):
    # sink: CWE-89
    return Post.query.order_by(text(sort)).all()


def sorted_posts_safe(sort):
    # safe: CWE-89
    return Post.query.order_by(SORTS.get(sort, Post.created_at.desc())).all()


def posts_by_author(author):
    # safe: CWE-89
    return db.session.execute(text("SELECT id, title FROM posts WHERE author = :author"), {"author": author}).all()
