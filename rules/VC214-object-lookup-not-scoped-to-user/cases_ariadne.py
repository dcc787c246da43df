"""VC214 corpus, Ariadne: resolvers bound to a schema type's fields take the client's arguments after `info`; one that
hands `info` to a guard knows the caller, and must then scope what it loads by id."""
from ariadne import MutationType, QueryType

from .models import Article, Comment

query = QueryType()
mutation = MutationType()


def require_member(info):
    member = info.context.get("member")
    if member is None:
        raise PermissionError("sign in first")
    return member


async def signed_in_member(info):
    return require_member(info)


def require_admin(info):
    member = require_member(info)
    if member.role != "admin":
        raise PermissionError("admins only")
    return member


@query.field("article")
async def resolve_article(_, info, id):
    require_member(info)
    # expect: VC214
    return await Article.objects.get(id=id)


@mutation.field("deleteComment")
async def resolve_delete_comment(_, info, comment_id):
    await signed_in_member(info)
    # expect: VC214
    comment = await Comment.objects.get(id=comment_id)
    await comment.delete()
    return True


@query.field("myArticle")
async def resolve_my_article(_, info, id):
    member = require_member(info)
    # ok: VC214 -- scoped to the caller's team
    return await Article.objects.get(id=id, team=member.team.id)


@mutation.field("removeArticle")
async def resolve_remove_article(_, info, id):
    require_admin(info)
    # ok: VC214 -- an admin may remove any article
    await Article.objects.delete(id=id)
    return True


@query.field("publicArticle")
async def resolve_public_article(_, info, id):
    # ok: VC214 -- no guard: nobody is signed in here (VC201's question, not this rule's)
    return await Article.objects.get(id=id, published=True)
