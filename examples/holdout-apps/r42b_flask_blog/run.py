import os

from blog import create_app

app = create_app()

if __name__ == "__main__":
    # ok: VC211
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
