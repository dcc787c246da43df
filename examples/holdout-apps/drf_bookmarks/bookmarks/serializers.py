from rest_framework import serializers

from bookmarks.models import Bookmark


class BookmarkSerializer(serializers.ModelSerializer):
    tag_list = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Bookmark
        fields = ["id", "url", "title", "tags", "tag_list", "archived", "created"]
        read_only_fields = ["id", "created"]

    def validate_title(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError("Title may not be blank.")
        return value.strip()
