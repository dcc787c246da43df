def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_projects_require_login(client):
    response = client.get("/orgs/1/projects")
    assert response.status_code == 401


def test_admin_stats_forbidden_for_anonymous(client):
    response = client.get("/admin/stats")
    assert response.status_code == 401


def test_unknown_project_is_404(client, auth_headers):
    response = client.get("/orgs/1/projects/999", headers=auth_headers)
    assert response.status_code in (401, 404)
