"""HTML views. Drafts and edits are visible to their author only."""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, ListView, UpdateView

from .forms import PostForm
from .models import Bookmark, Follow, Post

logger = logging.getLogger(__name__)

ORDERINGS = {"new": "-created", "old": "created", "title": "title"}


class PostListView(ListView):
    template_name = "blog/post_list.html"
    paginate_by = 20

    def get_queryset(self) -> QuerySet[Post]:
        queryset = Post.objects.filter(status=Post.Status.PUBLISHED).select_related("author")
        query = self.request.GET.get("q", "").strip()
        if query:
            # ok: VC422
            queryset = queryset.filter(Q(title__icontains=query) | Q(body__icontains=query))
        # ok: VC422 -- the ordering comes from an allowlist
        return queryset.order_by(ORDERINGS.get(self.request.GET.get("sort", "new"), "-created"))


class DraftListView(LoginRequiredMixin, ListView):
    template_name = "blog/draft_list.html"

    def get_queryset(self) -> QuerySet[Post]:
        # ok: VC214
        return Post.objects.filter(author=self.request.user, status=Post.Status.DRAFT)


class PostCreateView(LoginRequiredMixin, CreateView):
    form_class = PostForm
    template_name = "blog/post_form.html"
    success_url = reverse_lazy("draft-list")

    def form_valid(self, form: PostForm) -> HttpResponse:
        # ok: VC215
        form.instance.author = self.request.user
        return super().form_valid(form)


class PostUpdateView(LoginRequiredMixin, UpdateView):
    form_class = PostForm
    template_name = "blog/post_form.html"
    success_url = reverse_lazy("draft-list")

    def get_queryset(self) -> QuerySet[Post]:
        # ok: VC214
        return Post.objects.filter(author=self.request.user)


def post_detail(request: HttpRequest, slug: str) -> HttpResponse:
    visible = Q(status=Post.Status.PUBLISHED)
    if request.user.is_authenticated:
        visible |= Q(author=request.user)
    # ok: VC214/VC219 -- published posts are public; drafts only for their author
    post = get_object_or_404(Post.objects.filter(visible), slug=slug)
    return render(request, "blog/post_detail.html", {"post": post})


@login_required
@require_POST
def toggle_bookmark(request: HttpRequest, slug: str) -> HttpResponse:
    post = get_object_or_404(Post, slug=slug, status=Post.Status.PUBLISHED)
    # ok: VC214/VC215
    bookmark, created = Bookmark.objects.get_or_create(user=request.user, post=post)
    if not created:
        bookmark.delete()
    # expect: VC409 -- the form's `next` is followed wherever it points: an open redirect
    return redirect(request.POST.get("next") or post.get_absolute_url())


@login_required
@require_POST
def follow_author(request: HttpRequest, username: str) -> HttpResponse:
    author = get_object_or_404(get_user_model(), username=username)
    Follow.objects.get_or_create(follower=request.user, author=author)
    next_url = request.POST.get("next", "")
    # ok: VC409
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        # ok: VC409
        return redirect(next_url)
    return redirect(reverse("post-list"))


REPORT_COLUMNS = {"title": "title", "created": "created", "opens": "newsletter_opens"}


@login_required
def top_posts(request: HttpRequest) -> HttpResponse:
    """The author's posts ranked by a column picked from a fixed list, through a raw query."""
    column = REPORT_COLUMNS.get(request.GET.get("by", ""), "newsletter_opens")
    # ok: VC402/VC422 -- an allowlisted column, quoted by the backend; the author is a bound parameter
    sql = f"SELECT * FROM blog_post WHERE author_id = %s ORDER BY {connection.ops.quote_name(column)} DESC LIMIT 10"
    # ok: VC402/VC422/VC214
    posts = Post.objects.raw(sql, [request.user.pk])
    return render(request, "blog/top_posts.html", {"posts": posts})


@login_required
def author_stats(request: HttpRequest) -> HttpResponse:
    """Posts per month for the signed-in author, counted in SQL."""
    statuses = [Post.Status.PUBLISHED]
    if request.GET.get("drafts") == "1":
        statuses.append(Post.Status.DRAFT)
    placeholders = ", ".join(["%s"] * len(statuses))
    # ok: VC402/VC422 -- only placeholders are joined in; every value is bound
    sql = f"""
        SELECT date_trunc('month', created) AS month, count(*)
        FROM blog_post
        WHERE author_id = %s AND status IN ({placeholders})
        GROUP BY 1 ORDER BY 1
    """
    with connection.cursor() as cursor:
        # ok: VC402/VC422
        cursor.execute(sql, [request.user.pk, *statuses])
        rows = cursor.fetchall()
    return render(request, "blog/stats.html", {"rows": rows})
