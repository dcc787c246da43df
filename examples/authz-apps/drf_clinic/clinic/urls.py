from django.contrib.auth.decorators import login_required
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("patients", views.PatientViewSet, basename="patient")
router.register("appointments", views.AppointmentViewSet, basename="appointment")

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/signup/", views.SignupView.as_view()),
    path("api/magic-link/", views.MagicLinkRequestView.as_view()),
    path("api/records/<int:pk>/", views.MedicalRecordDetail.as_view()),
    path("api/patients/<int:pk>/contact/", views.PatientContactUpdate.as_view()),
    path("api/appointments/<int:pk>/refund/", views.refund_appointment),
    path("referrals/<int:pk>/", login_required(views.referral_detail), name="referral-detail"),
    path("referrals/new/", views.new_referral, name="referral-new"),
    path("doctor/profile/", login_required(views.edit_doctor_profile), name="doctor-profile"),
]
