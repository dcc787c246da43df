"""REST API: published posts for everyone signed in, drafts and edits for their author."""

from django.db.models import Q, QuerySet
from rest_framework import permissions, viewsets

from .models import Post
from .permissions import IsAuthorOrReadOnly
from .serializers import PostSerializer


class PostViewSet(viewsets.ModelViewSet):
    serializer_class = PostSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuthorOrReadOnly]
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Post]:
        # ok: VC214
        return Post.objects.filter(Q(status=Post.Status.PUBLISHED) | Q(author=self.request.user)).select_related(
            "author"
        )

    def perform_create(self, serializer: PostSerializer) -> None:
        # ok: VC215
        serializer.save(author=self.request.user)
