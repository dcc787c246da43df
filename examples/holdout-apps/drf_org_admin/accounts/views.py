from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .middleware import require_org
from .models import Invitation, Membership, Organization, Project
from .permissions import IsOrgAdmin, IsOrgMember
from .serializers import (
    AuditLogSerializer,
    InvitationSerializer,
    MemberProfileSerializer,
    MembershipSerializer,
    OrganizationSerializer,
    ProjectSerializer,
)
from .services import create_invitation, make_invite_code, record


class MemberViewSet(viewsets.ModelViewSet):
    serializer_class = MembershipSerializer
    permission_classes = [IsAuthenticated, IsOrgAdmin]

    def get_queryset(self):
        return Membership.objects.filter(organization=self.request.org).select_related("user")

    @action(detail=True, methods=["post"], url_path="role")
    def change_role(self, request, pk=None):
        # expect: VC214
        membership = Membership.objects.get(pk=pk)
        membership.role = request.data["role"]
        membership.save(update_fields=["role"])
        record(request.org, request.user, "member.role_changed", member=membership.pk, role=membership.role)
        return Response(MembershipSerializer(membership).data)

    @action(detail=True, methods=["post"], url_path="role-v2")
    def change_role_scoped(self, request, pk=None):
        # ok: VC214
        membership = get_object_or_404(Membership, pk=pk, organization=request.org)
        new_role = request.data.get("role")
        if new_role not in {Membership.ROLE_ADMIN, Membership.ROLE_MEMBER}:
            return Response({"detail": "invalid role"}, status=status.HTTP_400_BAD_REQUEST)
        membership.role = new_role
        membership.save(update_fields=["role"])
        return Response(MemberProfileSerializer(membership).data)

    @action(detail=True, methods=["delete"], url_path="remove")
    def remove(self, request, pk=None):
        membership = self.get_object()
        membership.delete()
        record(request.org, request.user, "member.removed", member=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MyMembershipViewSet(viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated, IsOrgMember]

    @action(detail=False, methods=["patch"], url_path="me")
    def update_me(self, request):
        membership = Membership.objects.get(user=request.user, organization=request.org)
        serializer = MembershipSerializer(membership, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

    @action(detail=False, methods=["patch"], url_path="me/profile")
    def update_profile(self, request):
        membership = Membership.objects.get(user=request.user, organization=request.org)
        # ok: VC215
        serializer = MemberProfileSerializer(membership, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)


class InvitationViewSet(viewsets.ModelViewSet):
    serializer_class = InvitationSerializer
    permission_classes = [IsAuthenticated, IsOrgAdmin]

    def get_queryset(self):
        return Invitation.objects.filter(organization=self.request.org, accepted_at__isnull=True)

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = create_invitation(self.request.org, self.request.user, data["email"], data["role"])

    @action(detail=True, methods=["post"])
    def resend(self, request, pk=None):
        invite = self.get_object()
        invite.token = make_invite_code()
        invite.save(update_fields=["token"])
        return Response({"status": "sent"})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def accept_invitation(request, token):
    # expect: VC214
    invite = Invitation.objects.get(token=token)
    with transaction.atomic():
        Membership.objects.get_or_create(
            user=request.user,
            organization=invite.organization,
            # expect: VC217
            defaults={"role": request.data.get("role", invite.role)},
        )
        invite.accepted_at = timezone.now()
        invite.save(update_fields=["accepted_at"])
    return Response({"organization": invite.organization_id})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def accept_invitation_checked(request, token):
    # ok: VC214
    invite = get_object_or_404(Invitation, token=token, email__iexact=request.user.email)
    if not invite.is_valid():
        return Response({"detail": "invitation expired"}, status=status.HTTP_410_GONE)
    with transaction.atomic():
        Membership.objects.get_or_create(
            user=request.user,
            organization=invite.organization,
            # ok: VC217
            defaults={"role": invite.role},
        )
        invite.accepted_at = timezone.now()
        invite.save(update_fields=["accepted_at"])
    return Response({"organization": invite.organization_id})


# expect: VC218
@api_view(["DELETE"])
@permission_classes([IsAuthenticated])
def delete_organization(request, org_id):
    # expect: VC214
    org = Organization.objects.get(pk=org_id)
    org.deleted_at = timezone.now()
    org.save(update_fields=["deleted_at"])
    return Response(status=status.HTTP_204_NO_CONTENT)


@api_view(["DELETE"])
@permission_classes([IsAuthenticated])
def delete_my_organization(request, org_id):
    # ok: VC214/VC218
    membership = get_object_or_404(Membership, organization_id=org_id, user=request.user, role=Membership.ROLE_OWNER)
    org = membership.organization
    org.deleted_at = timezone.now()
    org.save(update_fields=["deleted_at"])
    return Response(status=status.HTTP_204_NO_CONTENT)


class ProjectViewSet(viewsets.ModelViewSet):
    serializer_class = ProjectSerializer
    permission_classes = [IsAuthenticated, IsOrgMember]

    def get_queryset(self):
        # seed: soft-deleted projects are still listed and served
        return Project.objects.filter(organization=self.request.org)

    def perform_create(self, serializer):
        serializer.save(organization=self.request.org)


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def project_detail(request, project_id):
    # expect: VC214
    project = Project.objects.alive().get(pk=project_id)
    return Response(ProjectSerializer(project).data)


@api_view(["GET"])
@permission_classes([IsAuthenticated, IsOrgAdmin])
def audit_log(request):
    entries = request.org.auditlog_set.order_by("-created_at")[:200]
    return Response(AuditLogSerializer(entries, many=True).data)


# expect: VC208
@csrf_exempt
@require_org
def transfer_ownership(request):
    """Form post from the settings page: make another member the owner."""
    if request.method != "POST" or not request.user.is_authenticated:
        return JsonResponse({"detail": "not allowed"}, status=405)
    new_owner = get_object_or_404(Membership, organization=request.org, user_id=request.POST["user_id"])
    Membership.objects.filter(organization=request.org, role=Membership.ROLE_OWNER).update(role=Membership.ROLE_ADMIN)
    new_owner.role = Membership.ROLE_OWNER
    new_owner.save(update_fields=["role"])
    return JsonResponse({"owner": new_owner.user_id})


# expect: VC201/VC219
@api_view(["GET"])
@permission_classes([])
def organization_directory(request):
    orgs = Organization.objects.alive().prefetch_related("memberships__user")
    return Response(
        [
            {**OrganizationSerializer(o).data, "members": [m.user.email for m in o.memberships.all()]}
            for o in orgs
        ]
    )
