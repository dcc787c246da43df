from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from listings.api import views

router = DefaultRouter()
router.register("listings", views.ListingViewSet, basename="listing")
router.register("my-listings", views.MyListingViewSet, basename="my-listing")
router.register("orders", views.OrderViewSet, basename="order")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("api/listings/<int:pk>/price/", views.ListingPriceView.as_view()),
    path("api/listings/<int:pk>/price/v2/", views.ListingPriceViewV2.as_view()),
    path("api/checkout/", views.checkout),
    path("api/checkout/v2/", views.checkout_v2),
    path("api/coupons/apply/", views.apply_coupon),
    path("api/coupons/apply/v2/", views.apply_coupon_v2),
    path("api/payouts/", views.request_payout),
    path("api/payouts/v2/", views.request_payout_v2),
    path("api/search/", views.search_listings),
    path("webhooks/stripe/", views.stripe_webhook),
    path("webhooks/stripe/v2/", views.stripe_webhook_v2),
]
