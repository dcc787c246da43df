"""VC212 corpus: a check that tests a method of a user, queryset or form without calling it refuses no one, since a
bound method is always true."""
from functools import wraps

from django.core.exceptions import PermissionDenied


def librarian_required(fn):
    @wraps(fn)
    def wrapper(root, info, *args, **kwargs):
        user = info.context.user
        # expect: VC212
        if not user.is_authenticated or not user.groups.filter(name="librarians").exists:
            raise PermissionDenied("Librarians only")
        return fn(root, info, *args, **kwargs)

    return wrapper


def editor_required(fn):
    @wraps(fn)
    def wrapper(request, *args, **kwargs):
        # ok: VC212
        if not request.user.groups.filter(name="editors").exists():
            raise PermissionDenied("Editors only")
        return fn(request, *args, **kwargs)

    return wrapper


def can_publish(user):
    # expect: VC212
    if not user.has_perm:
        return False
    # ok: VC212
    if not user.has_perm("blog.publish_post"):
        return False
    return True


def describe(qs):
    # ok: VC212 -- no refusal hangs on it
    if qs.exists:
        print("a queryset")
    # ok: VC212 -- handed on, not tested
    checker = qs.exists
    if checker() is False:
        return "empty"
    return "rows"


def require_upload(job):
    # ok: VC212 -- a field of the job, not a queryset's method
    if not job.exists:
        raise PermissionDenied("No such upload")
    return job
