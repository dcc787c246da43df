"""VC217 corpus, DRF: a view whose permission classes let only administrators in grants roles by design."""
from rest_framework import viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response

from .models import Membership
from .permissions import IsOrgAdmin


class MemberAdminViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated, IsOrgAdmin]

    @action(detail=True, methods=["post"])
    def change_role(self, request, pk=None):
        membership = self.get_object()
        # ok: VC217 -- only the organisation's administrators reach the viewset
        membership.role = request.data["role"]
        membership.save()
        return Response({"role": membership.role})

    @action(detail=False, methods=["post"], permission_classes=[IsAuthenticated])
    def join(self, request):
        membership = Membership.objects.get(user=request.user)
        # expect: VC217 -- the action's own permission classes replace the viewset's: any member gets here
        membership.role = request.data["role"]
        membership.save()
        return Response({"role": membership.role})


class MembershipViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=True, methods=["post"])
    def change_role(self, request, pk=None):
        membership = self.get_object()
        # expect: VC217
        membership.role = request.data["role"]
        membership.save()
        return Response({"role": membership.role})


@api_view(["POST"])
@permission_classes([IsAdminUser])
def promote(request, pk):
    membership = Membership.objects.get(pk=pk)
    # ok: VC217 -- staff only
    membership.role = request.data["role"]
    membership.save()
    return Response({"role": membership.role})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def set_my_role(request):
    membership = Membership.objects.get(user=request.user)
    # expect: VC217
    membership.role = request.data["role"]
    membership.save()
    return Response({"role": membership.role})
