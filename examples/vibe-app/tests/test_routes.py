from vibe_app.app import create_app


# expect: VC303
def test_health():
    client = create_app().test_client()
    client.get("/health")


def test_delete_note():
    client = create_app().test_client()
    response = client.delete("/notes/1")
    assert response.status_code == 200
