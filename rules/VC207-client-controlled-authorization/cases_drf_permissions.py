"""VC207 corpus, DRF: in a view whose permission classes let only administrators in, a role the request names is an
administrator's choice."""
from rest_framework import viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response

from .permissions import IsOrgAdmin

ASSIGNABLE = {"admin", "member"}


class MemberAdminViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated, IsOrgAdmin]

    @action(detail=True, methods=["post"])
    def change_role(self, request, pk=None):
        membership = self.get_object()
        # ok: VC207 -- only the organisation's administrators reach the viewset
        if request.data.get("role") not in ASSIGNABLE:
            return Response(status=400)
        membership.role = request.data["role"]
        membership.save()
        return Response({"role": membership.role})

    @action(detail=False, methods=["get"], permission_classes=[IsAuthenticated])
    def dashboard(self, request):
        # expect: VC207 -- the action's own permission classes replace the viewset's: any member gets here
        if request.query_params.get("role") == "admin":
            return Response({"members": list(self.get_queryset().values())})
        return Response({})


class MemberViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated]

    @action(detail=False, methods=["get"])
    def dashboard(self, request):
        # expect: VC207
        if request.query_params.get("role") == "admin":
            return Response({"members": list(self.get_queryset().values())})
        return Response({})


@api_view(["GET"])
@permission_classes([IsAdminUser])
def staff_dashboard(request):
    # ok: VC207 -- staff only
    if request.query_params.get("role") == "admin":
        return Response({"scope": "admins"})
    return Response({})
