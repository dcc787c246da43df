from rest_framework import serializers

from .models import Post


class PostSerializer(serializers.ModelSerializer):
    author = serializers.ReadOnlyField(source="author.username")

    class Meta:
        model = Post
        # ok: VC215
        fields = ["id", "title", "slug", "body", "status", "author", "created", "updated"]
        read_only_fields = ["slug", "created", "updated"]
