from django.contrib.auth import get_user_model
from rest_framework import serializers

from tracker.models import Comment, Invoice, Project, Task

User = get_user_model()


class ProjectSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        fields = ["id", "name", "description", "owner", "members", "archived", "created_at"]
        read_only_fields = ["owner", "created_at"]


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = Task
        fields = ["id", "project", "title", "status", "assignee", "due_date"]

    def validate_project(self, project):
        user = self.context["request"].user
        if project.owner_id != user.id and not project.members.filter(pk=user.pk).exists():
            raise serializers.ValidationError("Not a member of this project.")
        return project


class CommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Comment
        fields = ["id", "task", "author", "body", "created_at"]
        read_only_fields = ["author", "created_at"]


class InvoiceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invoice
        # ok: VC215 -- only the read-only InvoiceViewSet uses it
        fields = ["id", "project", "amount", "paid"]


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        # expect: VC429/VC215
        fields = "__all__"


class RegisterSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, min_length=8)

    class Meta:
        model = User
        fields = ["username", "email", "password"]

    def create(self, validated_data):
        # ok: VC410
        return User.objects.create_user(**validated_data)
