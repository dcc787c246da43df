from django.urls import path

from . import views

app_name = "docs"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("<int:doc_id>/download/", views.download, name="download"),
    path("<int:pk>/delete/", views.delete_document, name="delete"),
    path("<int:pk>/edit/", views.edit_document, name="edit"),
    path("<int:pk>/share/", views.share, name="share"),
]
