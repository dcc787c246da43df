from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from blog import api, hooks, newsletter, views

router = DefaultRouter()
router.register("posts", api.PostViewSet, basename="post")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("api/", include(router.urls)),
    path("", views.PostListView.as_view(), name="post-list"),
    path("drafts/", views.DraftListView.as_view(), name="draft-list"),
    path("posts/new/", views.PostCreateView.as_view(), name="post-create"),
    path("posts/<slug:slug>/", views.post_detail, name="post-detail"),
    path("posts/<slug:slug>/edit/", views.PostUpdateView.as_view(), name="post-update"),
    path("posts/<slug:slug>/bookmark/", views.toggle_bookmark, name="post-bookmark"),
    path("stats/", views.author_stats, name="author-stats"),
    path("top/", views.top_posts, name="top-posts"),
    path("authors/<str:username>/follow/", views.follow_author, name="follow-author"),
    path("hooks/newsletter/", hooks.newsletter_event, name="newsletter-event"),
    path("unsubscribe/<str:token>/", newsletter.unsubscribe, name="unsubscribe"),
    path("newsletter/subscribers/", newsletter.SubscriberListView.as_view(), name="subscriber-list"),
    path("newsletter/send/<slug:slug>/", newsletter.SendIssueView.as_view(), name="send-issue"),
]
