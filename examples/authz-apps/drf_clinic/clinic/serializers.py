from django.contrib.auth import get_user_model
from rest_framework import serializers

from .models import Appointment, MedicalRecord, Patient


class PatientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Patient
        fields = ["id", "first_name", "last_name", "date_of_birth", "phone"]


class AppointmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Appointment
        # expect: VC215
        exclude = ["created_at"]


class MedicalRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = MedicalRecord
        fields = ["id", "patient", "diagnosis", "notes"]
        read_only_fields = ["patient"]


class SignupSerializer(serializers.ModelSerializer):
    class Meta:
        model = get_user_model()
        fields = ["email", "password"]
        extra_kwargs = {"password": {"write_only": True}}

    def create(self, validated_data):
        return get_user_model().objects.create_user(**validated_data)
