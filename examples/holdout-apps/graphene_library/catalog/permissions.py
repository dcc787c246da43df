"""Decorators for resolvers and mutations, on top of graphql_jwt's."""

from functools import wraps

# expect: VC503/VC504 -- forgotten: graphql-core comes with graphene, not declared
from graphql import GraphQLError


def librarian_required(fn):
    @wraps(fn)
    def wrapper(root, info, *args, **kwargs):
        user = info.context.user
        # expect: VC212
        if not user.is_authenticated or not user.groups.filter(name="librarians").exists:
            raise GraphQLError("Librarians only")
        return fn(root, info, *args, **kwargs)

    return wrapper


# ok: VC212
def staff_required(fn):
    @wraps(fn)
    def wrapper(root, info, *args, **kwargs):
        user = info.context.user
        if not (user.is_authenticated and user.is_staff):
            raise GraphQLError("Staff only")
        return fn(root, info, *args, **kwargs)

    return wrapper
