from rest_framework import serializers

from .models import AuditLog, Invitation, Membership, Organization, Project


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "slug", "plan", "created_at"]
        read_only_fields = ["plan", "created_at"]


class MembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        # expect: VC215
        fields = "__all__"


class MemberProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        # ok: VC215
        fields = ["id", "display_name", "role"]
        read_only_fields = ["role"]


class InvitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invitation
        # expect: VC215
        fields = ["id", "email", "role", "expires_at", "accepted_at"]
        read_only_fields = ["expires_at", "accepted_at"]


class ProjectSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        fields = ["id", "name"]


class AuditLogSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditLog
        fields = ["id", "action", "detail", "created_at", "actor"]
