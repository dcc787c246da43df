from unittest.mock import AsyncMock, MagicMock, patch

import pytest
from fastapi.testclient import TestClient

from courses.deps import get_current_user, require_teacher
from courses.main import app
from courses.security import create_access_token, decode_access_token, hash_password, verify_password


@pytest.fixture
def student():
    return MagicMock(id=7, role="student")


@pytest.fixture
def client(student):
    app.dependency_overrides[get_current_user] = lambda: student
    yield TestClient(app)
    app.dependency_overrides.clear()


def test_password_roundtrip():
    hashed = hash_password("correct horse")
    assert verify_password("correct horse", hashed)
    assert not verify_password("wrong", hashed)


def test_token_roundtrip():
    token = create_access_token(3, "teacher")
    claims = decode_access_token(token)
    assert claims["sub"] == "3"
    assert claims["role"] == "teacher"


def test_my_grades(client):
    with patch("courses.routers.grades.SubmissionRepository") as repo:
        repo.return_value.for_student = AsyncMock(return_value=[])
        resp = client.get("/grades/me")
    repo.return_value.for_student.assert_awaited_once_with(7)


def test_student_cannot_grade(client):
    resp = client.put("/grades/v2/submissions/1", json={"grade": 100})
    assert resp.status_code == 403


def test_teacher_grades(client):
    app.dependency_overrides[require_teacher] = lambda: MagicMock(id=1, role="teacher")
    with patch("courses.routers.grades.select"):
        resp = client.put("/grades/v2/submissions/1", json={"grade": 90})
    # expect: VC310
    assert resp.json()


def test_upload_rejects_exe(client):
    try:
        resp = client.post("/assignments/1/submit/v2", files={"file": ("x.exe", b"MZ")})
        assert resp.status_code == 415
    # expect: VC305
    except Exception:
        pass


def test_check_answer(client):
    resp = client.post("/quizzes/1/check/v2", json={"question": 0, "value": "6"})
    # expect: VC311
    for key in resp.json():
        assert key == "correct"
