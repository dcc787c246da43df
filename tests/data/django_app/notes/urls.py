"""URLconf of the notes app; the moderation view is guarded here, not in the view."""

from django.contrib.admin.views.decorators import staff_member_required
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import api, views

app_name = "notes"
router = DefaultRouter()
router.register("notes", api.NoteViewSet, basename="note")
router.register("public-notes", api.PublicNoteViewSet, basename="public-note")

urlpatterns = [
    path("", views.PublicNoteList.as_view(), name="list"),
    path("<int:pk>/", views.NoteDetail.as_view(), name="detail"),
    path("new/", views.NoteCreate.as_view(), name="create"),
    path("<int:pk>/edit/", views.NoteUpdate.as_view(), name="update"),
    path("<int:pk>/delete/", views.NoteDelete.as_view(), name="delete"),
    path("<int:pk>/pin/", views.toggle_pin, name="pin"),
    path("<int:pk>/share/", views.share, name="share"),
    path("<int:pk>/report/", views.report_note, name="report"),
    path("<int:pk>/moderate/", staff_member_required(views.moderate), name="moderate"),
    path("signup/", views.signup, name="signup"),
    path("api/", include(router.urls)),
    path("api/purge/", api.purge_hidden),
    path("api/import/", api.import_notes),
]
