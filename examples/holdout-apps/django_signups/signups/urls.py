from django.urls import path

from . import views

urlpatterns = [
    path("events/<int:event_id>/", views.event_detail, name="event-detail"),
    path("events/<int:event_id>/signup/", views.signup, name="signup"),
    path("events/<int:event_id>/cancel/", views.cancel, name="cancel"),
    path("events/<int:event_id>/attendees/", views.attendees, name="attendees"),
    path("events/<int:event_id>/event.ics", views.ical, name="ical"),
]
