from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from rest_framework import generics, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .forms import DoctorProfileForm, ReferralForm
from .models import Appointment, Doctor, MedicalRecord, Patient, Referral
from .serializers import AppointmentSerializer, MedicalRecordSerializer, PatientSerializer, SignupSerializer


class SignupView(generics.CreateAPIView):
    permission_classes = [AllowAny]
    serializer_class = SignupSerializer


class MagicLinkRequestView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        send_magic_link(request.data.get("email", ""))
        return Response(status=status.HTTP_202_ACCEPTED)


class PatientViewSet(viewsets.ModelViewSet):
    serializer_class = PatientSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return Patient.objects.filter(clinic=self.request.user.clinic)


# expect: VC214
class AppointmentViewSet(viewsets.ModelViewSet):
    queryset = Appointment.objects.all()
    serializer_class = AppointmentSerializer
    permission_classes = [IsAuthenticated]

    def perform_create(self, serializer):
        serializer.save(booked_by=self.request.user)

    # expect: VC218
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        appointment = self.get_object()
        appointment.status = "approved"
        appointment.save()
        return Response({"status": "approved"})


class MedicalRecordDetail(APIView):
    # expect: VC214
    def get(self, request, pk):
        record = MedicalRecord.objects.get(pk=pk)
        return Response(MedicalRecordSerializer(record).data)


class PatientContactUpdate(APIView):
    permission_classes = [AllowAny]

    # expect: VC201
    def patch(self, request, pk):
        Patient.objects.filter(pk=pk).update(phone=request.data["phone"])
        return Response(status=status.HTTP_204_NO_CONTENT)


@api_view(["POST"])
@permission_classes([IsAdminUser])
def refund_appointment(request, pk):
    appointment = get_object_or_404(Appointment, pk=pk)
    appointment.refund()
    return Response({"status": "refunded"})


def referral_detail(request, pk):
    # expect: VC214
    referral = get_object_or_404(Referral, pk=pk)
    return render(request, "clinic/referral.html", {"referral": referral})


def edit_doctor_profile(request):
    doctor = get_object_or_404(Doctor, user=request.user)
    form = DoctorProfileForm(request.POST or None, instance=doctor)
    if form.is_valid():
        form.save()
        return redirect("doctor-profile")
    return render(request, "clinic/doctor_form.html", {"form": form})


@login_required
def new_referral(request):
    form = ReferralForm(request.POST or None)
    if form.is_valid():
        referral = form.save(commit=False)
        referral.created_by = request.user
        referral.save()
        return redirect("referral-detail", pk=referral.pk)
    return render(request, "clinic/referral_form.html", {"form": form})
