"""Ariadne resolvers for articles, members and imports."""

from __future__ import annotations

import httpx
from ariadne import MutationType, QueryType

from .auth import hasher, issue_token, peek_role, require_admin, require_editor, require_member
from .models import Article, Member, database

query = QueryType()
mutation = MutationType()


@query.field("article")
async def resolve_article(_, info, id):
    require_member(info)
    # expect: VC214
    return await Article.objects.get(id=id)


@query.field("myArticle")
async def resolve_my_article(_, info, id):
    member = require_member(info)
    # ok: VC214
    return await Article.objects.get(id=id, team=member.team.id)


@query.field("search")
async def resolve_search(_, info, text, orderBy="title"):
    member = require_member(info)
    # expect: VC422/VC402
    rows = await database.fetch_all(f"SELECT * FROM articles WHERE team = {member.team.id} AND body LIKE '%{text}%' ORDER BY {orderBy}")
    return [dict(r) for r in rows]


@query.field("recent")
async def resolve_recent(_, info, limit=10):
    member = require_member(info)
    # ok: VC422/VC402
    return await Article.objects.filter(team=member.team.id).order_by("-id").limit(min(int(limit), 50)).all()


@mutation.field("signUp")
async def resolve_sign_up(_, info, input):
    member = await Member.objects.create(email=input["email"], password_hash=hasher.hash(input["password"]),
                                         # expect: VC217
                                         role=input.get("role", "reader"))
    return {"token": issue_token(member)}


@mutation.field("updateArticle")
async def resolve_update_article(_, info, id, input):
    member = require_editor(info)
    article = await Article.objects.get(id=id, team=member.team.id)
    # expect: VC215
    await article.update(**input)
    return article


@mutation.field("publishArticle")
async def resolve_publish(_, info, id):
    member = require_editor(info)
    # ok: VC214
    article = await Article.objects.get(id=id, team=member.team.id)
    await article.update(published=True)
    return article


@mutation.field("deleteMember")
async def resolve_delete_member(_, info, id):
    require_admin(info)
    await Member.objects.delete(id=id)
    return True


@mutation.field("setRole")
async def resolve_set_role(_, info, id, role):
    request = info.context["request"]
    # expect: VC217/VC216/VC417 -- VC417 names it: a role read from a token whose signature nobody checks
    if peek_role(request.headers["authorization"].removeprefix("Bearer ")) != "admin":
        raise PermissionError("admins only")
    member = await Member.objects.get(id=id)
    await member.update(role=role)
    return member


@mutation.field("importArticle")
async def resolve_import(_, info, url):
    member = require_editor(info)
    async with httpx.AsyncClient(timeout=10) as client:
        # expect: VC405
        resp = await client.get(url)
    # expect: VC107
    return await Article.objects.create(title=url, body=resp.text, team=member.team, author=member)


@mutation.field("importFromWiki")
async def resolve_import_wiki(_, info, slug):
    member = require_editor(info)
    async with httpx.AsyncClient(base_url="https://wiki.internal", timeout=10) as client:
        # ok: VC405
        resp = await client.get("/api/pages", params={"slug": slug})
        resp.raise_for_status()
    return await Article.objects.create(title=slug, body=resp.json()["body"], team=member.team, author=member)
