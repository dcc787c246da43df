from rest_framework import serializers

from .models import Membership, Project, Task


class ProjectSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        # expect: VC215 -- every field writable including owner
        fields = "__all__"


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = Task
        # ok: VC215 -- explicit fields
        fields = ["id", "project", "title", "done"]


class MembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        # expect: VC215 -- forgotten: a member can write their own role
        fields = ["id", "project", "user", "role"]
        read_only_fields = ["project", "user"]
