"""The notes REST API (Django REST framework)."""

from rest_framework import permissions, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.response import Response

from .models import Note
from .serializers import NoteSerializer


class IsOwner(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        return obj.owner == request.user


class NoteViewSet(viewsets.ModelViewSet):
    serializer_class = NoteSerializer
    permission_classes = [permissions.IsAuthenticated, IsOwner]

    def get_queryset(self):
        return Note.objects.filter(owner=self.request.user)

    @action(detail=True, methods=["post"])
    def pin(self, request, pk=None):
        note = self.get_object()
        note.pinned = True
        note.save(update_fields=["pinned"])
        return Response({"pinned": True})


class PublicNoteViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Note.objects.filter(public=True)
    serializer_class = NoteSerializer
    permission_classes = [permissions.AllowAny]


@api_view(["POST"])
@permission_classes([permissions.IsAdminUser])
def purge_hidden(request):
    deleted, _ = Note.objects.filter(hidden=True).delete()
    return Response({"deleted": deleted})


@api_view(["POST"])
def import_notes(request):
    serializer = NoteSerializer(data=request.data, many=True)
    serializer.is_valid(raise_exception=True)
    serializer.save(owner=request.user)
    return Response(serializer.data, status=201)
