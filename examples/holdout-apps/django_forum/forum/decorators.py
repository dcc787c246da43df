from functools import wraps

from django.http import JsonResponse


# expect: VC212
def ajax_login_required(view):
    @wraps(view)
    def inner(request, *args, **kwargs):
        request.is_ajax_user = request.user.is_authenticated
        return view(request, *args, **kwargs)

    return inner


def ajax_login_enforced(view):
    @wraps(view)
    def inner(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": "login required"}, status=401)
        return view(request, *args, **kwargs)

    return inner
