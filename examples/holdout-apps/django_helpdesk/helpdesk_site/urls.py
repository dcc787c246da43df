from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from tickets import views
from tickets.api import views as api_views

router = DefaultRouter()
router.register("tickets", api_views.TicketViewSet, basename="ticket")
router.register("my-tickets", api_views.MyTicketViewSet, basename="my-ticket")
router.register("orders", api_views.OrderViewSet, basename="order")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("api/profile/", api_views.ProfileUpdateView.as_view()),
    path("api/signup/", api_views.SignupView.as_view()),
    path("tickets/", views.TicketListView.as_view(), name="ticket-list"),
    path("tickets/search/", views.search, name="ticket-search"),
    path("tickets/<int:pk>/", views.TicketDetailView.as_view(), name="ticket-detail"),
    path("tickets/<int:pk>/close/", views.CloseTicketView.as_view(), name="ticket-close"),
    path("tickets/attachments/", views.download_attachment, name="attachment"),
    path("inbound-email/", views.inbound_email, name="inbound-email"),
    path("set-language/", views.set_language, name="set-language"),
]
