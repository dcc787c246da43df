from django.db.models import QuerySet

from .models import Comment, Issue, Project


def get_issue(issue_id: int) -> Issue:
    return Issue.objects.select_related("project").get(pk=issue_id)


def visible_issues(user) -> QuerySet[Issue]:
    return Issue.objects.filter(project__workspace__members=user).select_related("project")


def get_visible_issue(user, issue_id: int) -> Issue:
    return visible_issues(user).get(pk=issue_id)


def add_comment(issue: Issue, author, body: str) -> Comment:
    return Comment.objects.create(issue=issue, author=author, body=body)


def close_stale(project: Project) -> int:
    return project.issues.filter(status="open", assignee__isnull=True).update(status="closed")
