from django.urls import path

from forum import views

urlpatterns = [
    path("search/", views.search),
    path("search-safe/", views.search_escaped),
    path("threads/<int:thread_id>/", views.thread),
    path("posts/<int:post_id>/delete/", views.delete_post),
    path("posts/<int:post_id>/edit/", views.edit_post),
    path("after-login/", views.after_login),
    path("threads/<int:thread_id>/rename/", views.rename_thread),
    path("export/", views.export_threads),
]
