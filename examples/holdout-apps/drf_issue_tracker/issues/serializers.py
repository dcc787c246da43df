from rest_framework import serializers

from .models import Comment, Issue, Project, WorkspaceMember


class ProjectSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        fields = ["id", "workspace", "owner", "name", "is_private"]
        read_only_fields = ["owner"]


class IssueSerializer(serializers.ModelSerializer):
    class Meta:
        model = Issue
        # expect: VC215 -- reporter and project writable: an issue filed under someone else, or moved
        fields = "__all__"


class IssueUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Issue
        fields = ["id", "title", "body", "status", "assignee"]
        read_only_fields = ["id"]


class CommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Comment
        fields = ["id", "issue", "author", "body", "created_at"]
        read_only_fields = ["issue", "author", "created_at"]


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkspaceMember
        # expect: VC215/VC217 -- user and role writable, and MyMembershipView hands it to the member themselves
        fields = ["id", "user", "role"]
