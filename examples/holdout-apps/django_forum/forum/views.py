from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .decorators import ajax_login_enforced, ajax_login_required
from .models import Post, Thread


def search(request):
    term = request.GET.get("q", "")
    threads = Thread.objects.filter(title__icontains=term)[:20]
    # expect: VC411
    return HttpResponse(f"<h1>Results for {term}</h1>" + "".join(f"<li>{t.title}</li>" for t in threads))


def search_escaped(request):
    term = request.GET.get("q", "")
    threads = Thread.objects.filter(title__icontains=term)[:20]
    # ok: VC411
    return HttpResponse(f"<h1>Results for {escape(term)}</h1>" + "".join(f"<li>{escape(t.title)}</li>" for t in threads))


@login_required
def thread(request, thread_id):
    # ok: VC214 -- every member reads every thread of the forum
    item = get_object_or_404(Thread, pk=thread_id)
    posts = [mark_safe(p.body) for p in item.posts.all()]
    return render(request, "forum/thread.html", {"thread": item, "posts": posts})


# expect: VC201
@require_POST
@ajax_login_required
def delete_post(request, post_id):
    # expect: VC214
    Post.objects.filter(pk=post_id).delete()
    return JsonResponse({"deleted": post_id})


@require_POST
@ajax_login_enforced
def edit_post(request, post_id):
    # ok: VC214
    post = get_object_or_404(Post, pk=post_id, author=request.user)
    post.body = request.POST["body"]
    post.save(update_fields=["body"])
    return JsonResponse({"id": post.id})


@login_required
def after_login(request):
    # expect: VC409
    return redirect(request.GET.get("next", "/"))


# expect: VC208
@csrf_exempt
@login_required
@require_POST
def rename_thread(request, thread_id):
    # expect: VC214
    item = get_object_or_404(Thread, pk=thread_id)
    item.title = request.POST["title"]
    item.save(update_fields=["title"])
    return JsonResponse({"id": item.id})


@login_required
def export_threads(request):
    order = request.GET.get("order", "id")
    # expect: VC422/VC409
    rows = Thread.objects.raw(f"SELECT id, title FROM forum_thread ORDER BY {order}")
    return JsonResponse({"threads": [r.title for r in rows]})
