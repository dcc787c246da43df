from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("products", views.ProductViewSet)
router.register("orders", views.OrderViewSet, basename="order")
router.register("profiles", views.ProfileViewSet)

urlpatterns = [
    path("", include(router.urls)),
    path("orders/<int:pk>/receipt/", views.OrderReceiptView.as_view()),
    path("coupons/check/", views.PublicCouponView.as_view()),
]
