from rest_framework import filters, viewsets
from rest_framework.permissions import IsAdminUser, IsAuthenticated

from .models import Bookmark, Note, Tag
from .permissions import IsAuthorOrReadOnly, IsOwner
from .serializers import BookmarkSerializer, NoteSerializer, TagSerializer


# expect: VC214 -- IsOwner runs on retrieve, update and destroy; the list hands out every note
class NoteViewSet(viewsets.ModelViewSet):
    queryset = Note.objects.all()
    serializer_class = NoteSerializer
    permission_classes = [IsAuthenticated, IsOwner]

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


# expect: VC214 -- a read-only viewset lists every row too
class BookmarkFeedViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Bookmark.objects.all()
    serializer_class = BookmarkSerializer
    permission_classes = [IsOwner]


# ok: VC214 -- the list is scoped by get_queryset; the object permission guards the rest
class MyNoteViewSet(viewsets.ModelViewSet):
    serializer_class = NoteSerializer
    permission_classes = [IsAuthenticated, IsOwner]

    def get_queryset(self):
        return Note.objects.filter(owner=self.request.user)

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


# ok: VC214 -- a filter backend of the project may scope the list
class OwnedNoteViewSet(viewsets.ModelViewSet):
    queryset = Note.objects.all()
    serializer_class = NoteSerializer
    permission_classes = [IsAuthenticated, IsOwner]
    filter_backends = [filters.SearchFilter, OwnerFilterBackend]

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


# ok: VC214 -- "or read only": everyone may read every tag, so the list may show them all
class TagViewSet(viewsets.ModelViewSet):
    queryset = Tag.objects.all()
    serializer_class = TagSerializer
    permission_classes = [IsAuthenticated, IsAuthorOrReadOnly]


# ok: VC214 -- the list is for administrators
class NoteAuditViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Note.objects.all()
    serializer_class = NoteSerializer
    permission_classes = [IsAdminUser, IsOwner]
