from django.contrib import admin
from django.urls import path

from support import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("tickets/<int:ticket_id>/", views.ticket_page, name="ticket"),
    path("api/broadcast/", views.broadcast, name="broadcast"),
    path("api/tickets/<int:ticket_id>/transcript/", views.transcript, name="transcript"),
]
