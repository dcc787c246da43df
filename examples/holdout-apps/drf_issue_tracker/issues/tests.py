from django.contrib.auth import get_user_model
from django.test import TestCase
from rest_framework.test import APIClient

from .models import Issue, Project, Workspace, WorkspaceMember


class IssueApiTests(TestCase):
    def setUp(self):
        user_model = get_user_model()
        self.alice = user_model.objects.create_user("alice", password="pw-alice-123")
        self.bob = user_model.objects.create_user("bob", password="pw-bob-123")
        self.workspace = Workspace.objects.create(name="Acme")
        WorkspaceMember.objects.create(workspace=self.workspace, user=self.alice, role="admin")
        self.project = Project.objects.create(workspace=self.workspace, owner=self.alice, name="Web")
        self.issue = Issue.objects.create(project=self.project, reporter=self.alice, title="Broken login")
        self.client = APIClient()

    def test_anonymous_cannot_list_issues(self):
        response = self.client.get("/api/issues/")
        self.assertEqual(response.status_code, 401)

    def test_member_sees_own_workspace_issues(self):
        self.client.force_authenticate(self.alice)
        response = self.client.get("/api/issues/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([row["id"] for row in response.json()["results"]], [self.issue.id])

    def test_outsider_sees_no_issues(self):
        self.client.force_authenticate(self.bob)
        response = self.client.get("/api/issues/")
        self.assertEqual(response.json()["results"], [])
