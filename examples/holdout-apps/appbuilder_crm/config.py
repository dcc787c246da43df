import os

from flask_appbuilder.security.manager import AUTH_DB

basedir = os.path.abspath(os.path.dirname(__file__))

# expect: VC203
SECRET_KEY = "\2\1thisismyscretkey\1\2\e\y\y\h"

# expect: VC403
SQLALCHEMY_DATABASE_URI = "postgresql://crm:CrmPa55word!@db.internal:5432/crm"
SQLALCHEMY_TRACK_MODIFICATIONS = False

# expect: VC208
WTF_CSRF_ENABLED = False

AUTH_TYPE = AUTH_DB
AUTH_ROLE_ADMIN = "Admin"
AUTH_ROLE_PUBLIC = "Public"
AUTH_USER_REGISTRATION = True
# expect: VC217
AUTH_USER_REGISTRATION_ROLE = "Admin"

APP_NAME = "Acme CRM"
APP_THEME = ""
UPLOAD_FOLDER = os.path.join(basedir, "app", "static", "uploads")
FAB_API_SWAGGER_UI = True
