"""What a project declares it depends on, and which distribution an import name comes from.

Read without running anything: PEP 621 `[project]` dependencies and extras, PEP 735 dependency groups,
Poetry, PDM, uv and Hatch tables, `requirements*.txt`/`.in` (with `-r` includes), `setup.cfg`,
the literal lists of a `setup.py` (parsed, never executed), `Pipfile`, an sdist's `PKG-INFO` and
`<name>.egg-info/requires.txt`, and an unpacked wheel's `<name>.dist-info/METADATA`.
These files come from the checked tree, so they are read as regular files inside the project only, with a
size cap (`-r /dev/zero` or `-r ../../etc/x` is ignored), and a file too deep to parse declares nothing.
A requirement's extras count as declared packages (`kombu[sqlalchemy]`), and so do the modules a declared
distribution always installs (`greenlet` with `gevent`: the `PULLED_IN_BY` table).
Installed distributions are looked up through `importlib.metadata` and `PathFinder`, which do not import
the module they find.
"""

from __future__ import annotations

import ast
import configparser
import functools
import hashlib
import importlib.machinery
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.metadata import packages_distributions
from pathlib import Path
from typing import Any

from vibecheck import listings
from vibecheck.patterns import lazy_pattern
from vibecheck.project import holds_project_file, real_folder
from vibecheck.safe_files import is_inside, read_regular_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DEPENDENCY_FILE_LIMIT = 2_000_000  # bytes; larger "dependency files" are not what they claim to be
ROOT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg")
WEAK_ROOT_MARKERS = ("requirements.txt", "Pipfile", ".git")
# How many folders without `__init__.py` a file may sit under inside a package (`app/retrieval/web/`: namespace
# sub-packages of `app`) for the package's neighbours to be local to it.
NAMESPACE_DEPTH = 4
_REQUIREMENT_NAME = lazy_pattern(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
# The extras of a requirement (`kombu[sqlalchemy]`, `celery[redis]`): each names a package that requirement pulls in.
_REQUIREMENT_EXTRAS = lazy_pattern(r"^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*\[([^\]]*)\]")
# The factor condition before a tox requirement: `full: pycares<5`, `py3{11,12}-!pypy: brotli`.
_TOX_FACTORS = lazy_pattern(r"^[\w{},.!-]+:\s*(?!//)")
_EGG_NAME = lazy_pattern(r"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")
DEV_WORDS = lazy_pattern(r"(?:^|[-_./])(?:dev|develop|development|test|tests|testing|lint|ci|check|typing|docs?)(?:$|[-_./])",
                         re.IGNORECASE)
# Standard-library modules of older Pythons (2.7 and those removed since 3.8), which code keeps as fallbacks.
LEGACY_STDLIB = frozenset({
    "BaseHTTPServer", "SimpleHTTPServer", "CGIHTTPServer", "Cookie", "cookielib", "ConfigParser", "Queue", "StringIO",
    "cStringIO", "cPickle", "HTMLParser", "SocketServer", "__builtin__", "commands", "exceptions", "htmlentitydefs",
    "httplib", "md5", "sets", "sha", "thread", "dummy_threading", "_dummy_thread", "dummy_thread", "urllib2",
    "urlparse", "xmlrpclib", "Tkinter", "tkMessageBox", "copy_reg", "repr", "UserDict", "UserList", "UserString",
    "asynchat", "asyncore", "smtpd", "imp", "distutils", "binhex", "formatter", "parser", "symbol", "macpath",
})
# Modules that a Python runtime or host application provides, not a PyPI distribution: Pyodide's bridge to
# JavaScript (`js`, `pyodide.ffi`), Jython's and IronPython's host libraries, PyPy's internals. Code for those
# platforms cannot declare them as dependencies. Likewise the bindings componentize-py generates into a WASI component
# when it builds one (`wit_world` for the component's world, `componentize_py_types` for its `Ok`/`Err`): they exist
# only inside the built component, never on the index.
RUNTIME_MODULES = frozenset({"js", "pyodide", "pyodide_js", "_pyodide", "java", "javax", "clr", "__pypy__",
                             "wit_world", "componentize_py_types", "componentize_py_runtime",
                             "componentize_py_async_support"})
# Modules of the application a plugin runs inside, which installs the plugin, not the other way round: an Odoo addon
# (`odoo`), a Frappe app (`frappe`, whose apps never list it), a Blender add-on (`bpy`), a QGIS or Houdini plugin, a
# Sublime Text package, a debugger's script, a handler Apache's mod_python loads (`mod_python`: the module exists only in
# the interpreter Apache embeds). And `_typeshed`, the standard library's typing-only module, which stubs
# and `TYPE_CHECKING` blocks import.
HOST_APPLICATION_MODULES = frozenset({"odoo", "openerp", "frappe", "bpy", "bmesh", "qgis", "hou", "sublime",
                                      "sublime_plugin", "gdb", "lldb", "idaapi", "idc", "idautils", "_typeshed",
                                      "mod_python"})
# The folder a package keeps its vendored copies of other distributions in, and puts on `sys.path`.
VENDOR_FOLDER = "_vendor"
# A `conftest.py` that puts a folder beside it on `sys.path` (rocketry's `sys.path.append(os.path.join(
# os.path.dirname(__file__), 'helpers'))`): the tests beneath import that folder's modules by their bare names. The
# folder is a quoted name on the line of the call; the file is read up to a size cap.
SYS_PATH_CALL = lazy_pattern(r"sys\.path\.(?:append|insert)\(([^\n]*)")
QUOTED_FOLDER = lazy_pattern(r"""['"]([A-Za-z_][\w-]*)['"]""")
CONFTEST_CAP = 256 * 1024
_SKIPPED_DIRS = frozenset({"node_modules", "site-packages", "__pycache__", "build", "dist"})

# Import names whose distribution is named differently, for packages that may not be installed where
# vibecheck runs. Installed distributions are found from their metadata instead.
KNOWN_DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "workflows": ("llama-index-workflows",), "jwt": ("PyJWT",), "yaml": ("PyYAML",),
    "cv2": ("opencv-python", "opencv-python-headless", "opencv-contrib-python"),
    "PIL": ("Pillow",), "sklearn": ("scikit-learn",), "skimage": ("scikit-image",), "bs4": ("beautifulsoup4",),
    "dotenv": ("python-dotenv",), "dateutil": ("python-dateutil",), "magic": ("python-magic",),
    "docx": ("python-docx",), "pptx": ("python-pptx",), "telegram": ("python-telegram-bot",),
    "jose": ("python-jose",), "multipart": ("python-multipart",), "slugify": ("python-slugify",),
    "socks": ("PySocks",), "OpenSSL": ("pyOpenSSL",), "Crypto": ("pycryptodome", "pycrypto"),
    "Cryptodome": ("pycryptodomex",), "nacl": ("PyNaCl",), "git": ("GitPython",), "github": ("PyGithub",),
    "serial": ("pyserial",), "usb": ("pyusb",), "zmq": ("pyzmq",), "attr": ("attrs",), "grpc": ("grpcio",),
    "google.protobuf": ("protobuf",), "psycopg2": ("psycopg2", "psycopg2-binary"), "psycopg": ("psycopg", "psycopg-binary"),
    "MySQLdb": ("mysqlclient",), "mysql.connector": ("mysql-connector-python", "mysql-connector"),
    "python_jwt": ("python-jwt",), "win32api": ("pywin32",), "win32con": ("pywin32",), "pywintypes": ("pywin32",),
    "pkg_resources": ("setuptools",), "_pytest": ("pytest",), "mpl_toolkits": ("matplotlib",),
    "ldap": ("python-ldap",), "fitz": ("PyMuPDF",), "gi": ("PyGObject",), "wx": ("wxPython",),
    "kafka": ("kafka-python",), "dns": ("dnspython",), "websocket": ("websocket-client",), "faiss": ("faiss-cpu", "faiss-gpu"),
    "rest_framework": ("djangorestframework",), "corsheaders": ("django-cors-headers",), "environ": ("django-environ",),
    "decouple": ("python-decouple",), "googleapiclient": ("google-api-python-client",), "argon2": ("argon2-cffi",),
    "Levenshtein": ("python-Levenshtein", "Levenshtein"), "markdown": ("Markdown",), "ruamel": ("ruamel.yaml",),
    "jenkins": ("python-jenkins",), "sentry_sdk": ("sentry-sdk",), "discord": ("discord.py",), "lxml": ("lxml",),
    "tensorflow": ("tensorflow", "tensorflow-cpu"), "torch": ("torch",), "onnxruntime": ("onnxruntime", "onnxruntime-gpu"),
    "jinja2": ("Jinja2",), "markupsafe": ("MarkupSafe",), "typing_extensions": ("typing-extensions",),
    "pydantic_settings": ("pydantic-settings",), "speech_recognition": ("SpeechRecognition",),
    "bson": ("pymongo",), "gridfs": ("pymongo",), "win32com": ("pywin32",), "grpc_tools": ("grpcio-tools",),
    "mdurl": ("mdurl",), "markdown_it": ("markdown-it-py",), "pygments": ("Pygments",), "sqlalchemy": ("SQLAlchemy",),
    "pydantic_core": ("pydantic-core", "pydantic"), "django_filters": ("django-filter",), "onelogin": ("python3-saml",),
    "allauth": ("django-allauth",), "debug_toolbar": ("django-debug-toolbar",), "crispy_forms": ("django-crispy-forms",),
    "storages": ("django-storages",), "social_django": ("social-auth-app-django",), "social_core": ("social-auth-core",),
    "rest_framework_simplejwt": ("djangorestframework-simplejwt",), "knox": ("django-rest-knox",),
    "oauth2_provider": ("django-oauth-toolkit",),
    "saml2": ("pysaml2",), "Xlib": ("python-xlib",),
    "apiclient": ("google-api-python-client",), "OpenGL": ("PyOpenGL",),
    "pydispatch": ("PyDispatcher", "PyPyDispatcher"),
    "agents": ("openai-agents",), "autogen": ("ag2", "pyautogen"), "strands": ("strands-agents",),
    "google.adk": ("google-adk",), "griffe": ("griffe", "griffelib"),
    "modelcluster": ("django-modelcluster",), "libcloud": ("apache-libcloud",), "uuid_extensions": ("uuid7",),
    "intuitlib": ("intuit-oauth",), "fuse": ("fusepy",), "ninja": ("django-ninja", "ninja"),
    "passlib": ("passlib", "libpass"), "phonenumbers": ("phonenumbers", "phonenumberslite"),
    "md2conf": ("markdown-to-confluence",),
    "sass": ("libsass",), "paypalcheckoutsdk": ("paypal-checkout-serversdk",), "rest_flex_fields": ("drf-flex-fields",),
    "ldclient": ("launchdarkly-server-sdk",), "cassandra": ("cassandra-driver",), "paho": ("paho-mqtt",),
    "opensearchpy": ("opensearch-py",), "weaviate": ("weaviate-client",), "tortoise": ("tortoise-orm",),
    "RNA": ("ViennaRNA",), "Bio": ("biopython",), "skbio": ("scikit-bio",), "django_q": ("django-q", "django-q2"),
    "smartcard": ("pyscard",), "public": ("atpublic",), "dkim": ("dkimpy",), "odf": ("odfpy",),
    # the `%sql` magic of IPython: catherinedevlin's ipython-sql and its maintained fork keep the import name
    "sql": ("ipython-sql", "jupysql"),
    "smbclient": ("smbprotocol",), "docket": ("pydocket",),
    "telebot": ("pyTelegramBotAPI",), "awsauth": ("requests-aws",), "aadiscordbot": ("allianceauth-discordbot",),
    "corptools": ("allianceauth-corptools",), "playhouse": ("peewee",),
    "cattr": ("cattrs",), "django_comments": ("django-contrib-comments",), "pynvml": ("nvidia-ml-py", "pynvml"),
    "modeltranslation": ("django-modeltranslation",), "compressor": ("django-compressor",),
    "queryset_sequence": ("django-querysetsequence",),
    "sempy": ("semantic-link-sempy",), "vertexai": ("google-cloud-aiplatform",),
    # BentoML's maintained fork of Mozilla's circus keeps its import name
    "circus": ("circus", "kantoku"),
    # Pyrogram's maintained forks keep its import name
    "pyrogram": ("pyrogram", "pyrofork", "pyrotgfork", "kurigram", "pyroblack"),
    **dict.fromkeys(("win32event", "win32file", "win32pipe", "win32process", "win32security", "win32service",
                     "win32serviceutil", "win32gui", "win32clipboard", "win32crypt", "win32job", "win32net", "win32pdh",
                     "win32print", "win32profile", "win32timezone", "win32ts", "winerror", "servicemanager",
                     "pythoncom", "sspi", "sspicon"), ("pywin32",)),
}
# A distribution named `<package>-<variant>` ships `<package>` in a trimmed or split form (`pydantic-ai-slim`,
# `opentelemetry-api`, `psycopg2-binary`, `pydantic-core`): declaring either spelling covers the import.
VARIANT_SUFFIXES = ("-slim", "-api", "-core", "-binary", "-sdk", "-lite", "-headless", "-cpu", "-gpu")

# How distributions are conventionally named after the module they ship: `python-dateutil` (`python3-openid`) ships
# `dateutil` (`openid`), and a plugin's distribution carries the name of the framework it extends, which its module
# leaves out (`django-treebeard` ships `treebeard`, `sqlalchemy-citext` ships `citext`), as an Apache project's carries
# the foundation's (`apache-airflow` ships `airflow`, `apache-superset-core` ships `superset_core`).
CONVENTIONAL_FORMS = ("py{}", "python-{}", "python3-{}", "{}-python", "py-{}", "django-{}", "sqlalchemy-{}", "apache-{}")
PLUGIN_PREFIXES = ("django-", "flask-", "sqlalchemy-", "python-", "py-")
# A compiled companion's module names the language it is written in between the words of its distribution's name
# (`ormar-utils` ships `ormar_rust_utils`): the word is the build's, not the package's. Only between two other words,
# so that the distribution's name left has two words of its own.
IMPLEMENTATION_WORDS = frozenset({"rust", "rs", "cython", "cy", "native"})
# A one-word tail of a distribution's name that is the module it ships (`codex-africanus` -> `africanus`) is at least
# this long and none of these words, which a project's own (or an invented) module is called as often.
DISTINCT_TAIL_LENGTH = 8
GENERIC_TAILS = frozenset({"services", "security", "database", "databases", "settings", "analytics", "handlers",
                           "helpers", "utilities", "exceptions", "validators", "scheduler", "workflow", "workflows",
                           "pipeline", "pipelines", "messages", "messaging", "storage", "providers", "plugins",
                           "commands", "frontend", "backend", "backends", "framework", "platform", "protocol"})

# Modules a distribution is built on and exposes in its own API, so that it always installs them: code written
# for `gevent` uses `greenlet`, a Sphinx extension uses `docutils` nodes, a `requests` adapter takes a `urllib3` Retry.
# Module -> those distributions. (Not every transitive dependency: importing `pygments` because `rich` happens to use
# it is still undeclared.)
PULLED_IN_BY: dict[str, tuple[str, ...]] = {
    "greenlet": ("gevent", "eventlet"), "docutils": ("sphinx",), "markupsafe": ("jinja2", "flask", "werkzeug"),
    "starlette": ("fastapi", "mcp", "fastmcp"), "pydantic_core": ("pydantic",), "botocore": ("boto3", "aiobotocore", "aioboto3"),
    "kombu": ("celery",), "billiard": ("celery",), "vine": ("celery", "kombu"), "amqp": ("kombu",),
    "yarl": ("aiohttp",), "multidict": ("aiohttp",), "urllib3": ("requests",),
    # httpx's transports are httpcore's connection pools (httpx2's are httpcore2's), whose errors and pools users import
    "httpcore": ("httpx",), "httpcore2": ("httpx2",),
    # LangChain's and the model SDKs' messages, tools' argument schemas and typed responses are pydantic models
    "asgiref": ("django",), "pydantic": ("fastapi", "mcp", "fastmcp", "django-ninja", "llama-index-core",
                                               "autogen-core", "langchain-core", "openai", "anthropic", "ollama"),
    "xmlsec": ("python3-saml",),
    "lxml": ("python3-saml", "xmlsec"),
    "typing_extensions": ("pydantic", "pydantic-core"), "paypalhttp": ("paypal-checkout-serversdk",),
    "gitdb": ("gitpython",), "coverage": ("pytest-cov",),
    # the Hub's downloads and caches behind `from_pretrained` (tokenizers' too); gcloud-aio's clients take and make
    # aiohttp sessions
    "huggingface_hub": ("transformers", "sentence-transformers", "diffusers", "datasets", "tokenizers"),
    "aiohttp": ("gcloud-aio-storage", "gcloud-aio-auth", "gcloud-aio-pubsub", "gcloud-aio-bigquery"),
    # the MCP SDKs: tools take and return pydantic models, transports hand over anyio streams, HTTP servers are
    # Starlette apps whose routes take Starlette requests; FastMCP is built on the `mcp` SDK and re-exports its types
    "mcp": ("fastmcp",), "anyio": ("mcp", "fastmcp"),
    # the migration scripts Flask-Migrate writes are Alembic's (`from alembic import op`)
    "alembic": ("flask-migrate",),
    # Flask-Assets bundles are webassets' `Bundle`s; OAuth front ends raise oauthlib's token errors; ARC and DKIM
    # signing hands dkimpy's errors through
    "webassets": ("flask-assets", "django-assets"),
    "oauthlib": ("requests-oauthlib", "flask-dance", "google-auth-oauthlib", "django-oauth-toolkit"),
    "dkim": ("authheaders",),
    # the Jupyter stack: servers and front ends are traitlets applications configured through jupyter_core's paths
    "traitlets": ("ipython", "jupyter-core", "jupyter-server", "jupyterlab", "notebook"),
    "jupyter_core": ("jupyter-server", "jupyter-client", "jupyterlab", "notebook", "nbformat", "nbconvert"),
    "jupyter_server": ("jupyterlab", "notebook", "nbclassic", "jupyterlab-server"),
    # python-social-auth's framework packages are front ends of its core
    "social_core": ("social-auth-app-django", "social-auth-app-flask", "social-auth-app-flask-sqlalchemy",
                    "social-auth-app-pyramid", "social-auth-app-cherrypy", "social-auth-app-tornado"),
    # web3.py's own building blocks, which its users import for types, accounts and encodings
    "eth_typing": ("web3", "eth-account", "eth-utils"), "eth_utils": ("web3", "eth-account"),
    "eth_account": ("web3",), "eth_abi": ("web3", "eth-account"), "hexbytes": ("web3", "eth-account"),
    "langchain_text_splitters": ("langchain",), "pyee": ("pyppeteer", "playwright"),
    # Google's client libraries authenticate through `google-auth` and take its credentials objects
    **dict.fromkeys(("google.auth", "google.oauth2"), ("gspread", "google-api-python-client", "google-auth-oauthlib",
                                                       "google-auth-httplib2", "firebase-admin",
                                                       "pydata-google-auth")),
    # Wagtail pages are modelcluster's ClusterableModels, with modelcluster's taggit managers; sqlalchemy-file stores
    # its files through Apache Libcloud and raises its errors
    "modelcluster": ("wagtail",), "libcloud": ("sqlalchemy-file",), "intuitlib": ("python-quickbooks",),
    # pydantic's constraint types (`Annotated[str, MaxLen(8)]`), the ODBC connection under the async ODBC wrappers,
    # pylint's AST (a pylint plugin's `from astroid import nodes`)
    # Pyramid's requests and responses are WebOb's, and its configuration decorators are venusian's, which
    # `config.scan()` finds (cornice's services and resources register through venusian too)
    "webob": ("pyramid",), "venusian": ("pyramid",),
    "annotated_types": ("pydantic",), "pyodbc": ("asyncodbc", "aioodbc"), "astroid": ("pylint",),
    # LlamaIndex's workflows report through its instrumentation dispatcher
    "llama_index_instrumentation": ("llama-index-workflows",),
    # LangChain's runnables trace through LangSmith and stream LangChain's protocol events; httpx-ws raises wsproto's
    # errors
    "langsmith": ("langchain-core", "langchain"), "langchain_protocol": ("langchain-core",), "wsproto": ("httpx-ws",),
    # Twisted's protocols, endpoints and plugins are declared with zope.interface (`@implementer(IStreamServerEndpoint)`)
    "zope.interface": ("twisted",),
    # django-ninja-extra's controllers are django-ninja routers and schemas (`from ninja import Schema` beside it)
    "ninja": ("django-ninja-extra",),
    # urllib3.future speaks HTTP/1.1 through h11 and HTTP/2 through jh2, which it always installs and whose versions
    # its users report beside its own (niquests' `help.py`); httpcore's HTTP/1.1 connections are h11's too
    "h11": ("urllib3-future", "httpcore"), "jh2": ("urllib3-future",),
}

# Top-level modules of widely used PyPI distributions: they exist, so an import of one that is neither
# declared nor installed is an undeclared dependency, not an invented package.
WELL_KNOWN_MODULES = frozenset({
    "requests", "numpy", "pandas", "scipy", "matplotlib", "seaborn", "plotly", "flask", "django", "fastapi", "starlette",
    "uvicorn", "gunicorn", "pydantic", "pydantic_settings", "sqlalchemy", "alembic", "psycopg2", "psycopg", "pymysql",
    "MySQLdb", "pymongo", "motor", "redis", "celery", "kombu", "boto3", "botocore", "aiohttp", "httpx", "httpcore",
    "urllib3", "certifi", "idna", "charset_normalizer", "chardet", "jwt", "jose", "passlib", "bcrypt", "cryptography",
    "OpenSSL", "nacl", "itsdangerous", "werkzeug", "jinja2", "markupsafe", "click", "typer", "rich", "tqdm", "colorama",
    "yaml", "toml", "tomli", "tomli_w", "dotenv", "attr", "attrs", "dateutil", "pytz", "arrow", "pendulum", "bs4", "lxml",
    "html5lib", "selenium", "playwright", "scrapy", "PIL", "cv2", "skimage", "sklearn", "torch", "torchvision",
    "tensorflow", "keras", "transformers", "datasets", "tokenizers", "huggingface_hub", "openai", "anthropic",
    "langchain", "langchain_core", "langchain_community", "langchain_openai", "llama_index", "tiktoken",
    "sentence_transformers", "faiss", "chromadb", "pinecone", "nltk", "spacy", "gensim", "xgboost", "lightgbm",
    "catboost", "statsmodels", "sympy", "networkx", "pytest", "hypothesis", "mock", "freezegun", "responses", "faker",
    "factory", "stripe", "twilio", "sendgrid", "slack_sdk", "telegram", "discord", "tweepy", "googleapiclient",
    "firebase_admin", "grpc", "websockets", "websocket", "socketio", "paramiko", "fabric", "docker", "kubernetes",
    "jsonschema", "marshmallow", "orjson", "ujson", "simplejson", "msgpack", "pyarrow", "polars", "dask", "numba", "h5py",
    "openpyxl", "xlrd", "docx", "pptx", "reportlab", "fitz", "pypdf", "PyPDF2", "markdown", "pygments", "sentry_sdk",
    "structlog", "loguru", "prometheus_client", "tenacity", "backoff", "cachetools", "more_itertools", "six",
    "typing_extensions", "packaging", "setuptools", "wheel", "pkg_resources", "gradio", "streamlit", "dash", "tornado",
    "sanic", "bottle", "falcon", "quart", "aiofiles", "anyio", "sniffio", "trio", "asyncpg", "aiosqlite", "peewee",
    "mongoengine", "elasticsearch", "email_validator", "phonenumbers", "babel", "emoji", "regex", "shapely",
    "geopandas", "boto", "pymssql", "cx_Oracle", "oracledb", "sqlmodel", "flask_sqlalchemy", "flask_login",
    "flask_cors", "flask_wtf", "flask_babel", "flask_appbuilder", "apispec", "flask_migrate", "flask_jwt_extended",
    "rest_framework", "corsheaders", "channels",
    "graphene", "strawberry", "ariadne", "magic", "serial", "zmq", "socks", "brotli", "h2", "trustme", "pluggy",
    "webtest", "blinker", "gradio_client", "griffe", "IPython", "jupyter_client", "notebook", "nbformat",
    "datadog", "watchfiles", "twisted", "zope",
    "oauthlib", "requests_oauthlib", "google_auth_oauthlib", "google_auth_httplib2", "httplib2", "msal", "ldap3",
    "authlib", "pyotp", "jwcrypto", "qrcode", "defusedxml", "xmltodict", "bleach", "mistune", "markdown2",
    "markdownify", "html2text", "feedparser", "humanize", "unidecode", "slugify", "validators", "tabulate",
    "prettytable", "termcolor", "questionary", "prompt_toolkit", "docopt", "fire", "psutil", "pexpect", "sh",
    "watchdog", "schedule", "apscheduler", "diskcache", "filelock", "platformdirs", "appdirs", "portalocker", "keyring",
    "wrapt", "decorator", "deprecated", "distro", "importlib_metadata", "jmespath", "jsonpath_ng", "rq", "arq", "huey",
    "dramatiq", "pika", "aio_pika", "kafka", "confluent_kafka", "paho", "cassandra", "clickhouse_driver", "duckdb",
    "neo4j", "opensearchpy", "qdrant_client", "pymilvus", "weaviate", "minio", "s3fs", "fsspec", "aioboto3",
    "aiobotocore", "aiomysql", "beanie", "odmantic", "tortoise", "flask_restful", "flask_restx", "flask_socketio",
    "eventlet", "gevent", "daphne", "whitenoise", "storages", "environ", "decouple", "django_filters", "wtforms", "moto",
    "respx", "pytest_asyncio", "pytest_mock", "nox", "tox", "black", "isort", "mypy", "ruff", "flake8", "pylint",
    "pre_commit", "Levenshtein", "rapidfuzz", "inflect", "pycountry", "geopy", "pyproj", "folium", "altair", "bokeh",
    "accelerate", "peft", "diffusers", "ollama", "groq", "mistralai", "cohere", "litellm", "instructor", "langgraph",
    "fastmcp", "pydantic_ai", "crewai", "smolagents", "dspy", "semantic_kernel", "filetype", "invoke", "httpretty",
    "ray", "threadpoolctl", "parsel", "w3lib", "aioredis",
    "cloudpickle", "frozendict", "json5", "pysbd", "hexbytes", "opentelemetry", "textual", "claude_agent_sdk",
    "mysql", "python_jwt", "msgspec", "mutagen", "pygame", "pyramid", "jdatetime",
    # scientific computing: real packages a research tool imports without declaring (rgpycrumbs, spimple)
    "jax", "jaxlib", "flax", "optax", "astropy", "ase", "mlflow", "wandb", "pyvista", "vtk", "pint", "xarray", "zarr",
    "netCDF4", "Bio", "rdkit", "pymatgen", "joblib", "numexpr", "tables", "skbio", "mdtraj", "pysam", "casacore", "ducc0",
    "drf_spectacular", "geoip2", "pyperclip", "ipykernel", "cffi", "debugpy", "pyvis",
    "pyparsing", "uvloop", "ddtrace", "dapr", "flask_dapr", "msal_extensions", "av", "circus", "cattr", "cattrs",
    "pynvml", "django_comments", "modeltranslation", "compressor", "isodate", "queryset_sequence",
    *(module for module in PULLED_IN_BY if "." not in module),
})

# The namespaces the tables know packages in (`google` for `google.protobuf`, `zope` for `zope.interface`): a bare
# `import google` names the namespace itself, which exists wherever one of its packages is installed.
NAMESPACE_ROOTS = frozenset(module.partition(".")[0] for module in (*KNOWN_DISTRIBUTIONS, *PULLED_IN_BY) if "." in module)


def normalize(name: str) -> str:
    """The PEP 503 normal form of a distribution name: `Foo_Bar.baz` -> `foo-bar-baz`."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(line: str) -> str | None:
    """The distribution name of one requirement string (`requests[socks]>=2; python_version>'3'`)."""
    egg = _EGG_NAME.search(line)
    if egg:
        return normalize(egg.group(1))
    match = _REQUIREMENT_NAME.match(line)
    return normalize(match.group(1)) if match else None


@dataclass(frozen=True)
class ProjectDependencies:
    """The distributions a project declares (normalised names), and whether it declares any at all."""

    root: Path | None
    declared: frozenset[str]
    declares: bool
    local_modules: frozenset[str]
    declares_dev: bool = False

    @functools.cached_property
    def requested_extras(self) -> frozenset[str]:
        """The extras the declared requirements ask for (`xls` of `tablib[xls]`, of Poetry's `extras = ["xls"]`),
        which install distributions only the requirement's own metadata names."""
        return frozenset(name[1:-1] for name in self.declared if name.startswith("["))

    def provides(self, *modules: str) -> bool:
        """Whether a declared distribution (or the project itself) plausibly provides one of the dotted `modules`.

        Decided from the declarations alone, so the answer is the same wherever vibecheck runs; installed
        metadata can only add distributions (through `candidate_distributions`), never remove one.
        """
        declared = _declared_forms(self.declared)
        if any(_conventional_names(module) & declared or _in_declared_namespace(module, self.declared)
               for module in modules):
            return True  # the names alone answer, as they do for most imports: no installed metadata is read
        return any(_installed_names(module) & declared for module in modules)


# A one-word distribution named for its module and the major version that tells it from an older one (`pybars4` ships
# `pybars`), or the Python 3 port of one (`newspaper3k` ships `newspaper`); a short name (`web3`, `h2`) is the
# module's own.
MAJOR_VERSION_NAME = lazy_pattern(r"^([a-z]{4,})(?:\d|3k)$")


@functools.lru_cache(maxsize=64)
def _declared_forms(declared: frozenset[str]) -> frozenset[str]:
    """The declared names plus each one without its variant suffix (`pydantic-ai-slim` -> `pydantic-ai`), without
    its hyphens (`wtf-peewee` ships `wtfpeewee`), without both its first word (a framework's or ecosystem's prefix)
    and its hyphens (`django-classy-tags` ships `classytags`, `graphql-schema-diff` ships `schemadiff`), and a
    plugin's without the major version that tells it from an older one (`django-mfa2` ships `mfa`)."""
    return declared | {strip_variant(name) for name in declared} | {name.replace("-", "") for name in declared} \
        | _compound_tails(declared) | _unversioned(declared) \
        | {name.rstrip("0123456789") for name in declared if name in _versioned_plugins(declared)}


def _unversioned(declared: frozenset[str]) -> set[str]:
    """`pybars4` -> `pybars`, `newspaper3k` -> `newspaper`; not where the name without its version is another
    well-known package (`psycopg2`, `boto3`: `psycopg` and `boto` are distributions of their own)."""
    return {stem for name in declared if (versioned := MAJOR_VERSION_NAME.match(name))
            and (stem := versioned.group(1)) not in WELL_KNOWN_MODULES}


def _compound_tails(declared: frozenset[str]) -> set[str]:
    """A distribution named for the ecosystem, organisation or maintainer it belongs to, then the package it ships in
    two or more words that the module runs together or joins with underscores (`graphql-schema-diff` ships
    `schemadiff`, the fork `panzi-json-logic` ships `json_logic`), or in one long word that names nothing generic
    (`codex-africanus` ships `africanus`). A short one-word tail (`google-auth`'s `auth`), a generic one (`services`)
    and a framework plugin's (`flask-security`) are left out: that is what an invented module is called too."""
    return {spelling for name in declared if "-" in (tail := name.partition("-")[2])
            for spelling in (tail, tail.replace("-", ""))} \
        | {tail for name in declared if (tail := name.partition("-")[2]) and "-" not in tail
           and len(tail) >= DISTINCT_TAIL_LENGTH and tail not in GENERIC_TAILS and not name.startswith(PLUGIN_PREFIXES)}


def _versioned_plugins(declared: frozenset[str]) -> frozenset[str]:
    """Framework plugins whose name ends in a major version after a letter (`django-mfa2`, not `django-s3` or `py7zr`)."""
    return frozenset(name for name in declared if name.startswith(PLUGIN_PREFIXES) and len(name) > 2
                     and name[-1].isdigit() and name.rstrip("0123456789")[-1:].isalpha()
                     and len(name.rstrip("0123456789").rpartition("-")[2]) > 2)


def strip_variant(name: str) -> str:
    """A normalised distribution name without one variant suffix (`opentelemetry-api` -> `opentelemetry`)."""
    for suffix in VARIANT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _in_declared_namespace(module: str, declared: frozenset[str]) -> bool:
    """A namespace package: `opentelemetry` is shared by `opentelemetry-sdk`, `google` by `google-cloud-storage`; and the
    core package of a family (`ab_core`, `conformer_core`) ships with its distributions (`ab-database`, `conformer-qc`)."""
    top = normalize(module.split(".")[0])
    prefixes = (top + "-", top.removesuffix("-core") + "-") if top.endswith("-core") else (top + "-",)
    return any(name.startswith(prefixes) for name in declared)


def find_root(path: Path) -> Path | None:
    """The nearest enclosing directory that holds a project file (`pyproject.toml`, `setup.py`, ...)."""
    return _find_root(path if path.is_dir() else path.parent)


def _find_root(start: Path) -> Path | None:
    strong, weak = _roots_above(start)
    return strong or weak


def _roots_above(directory: Path) -> tuple[Path | None, Path | None]:
    """(the nearest folder at or above `directory` with a project file, the nearest with a weak marker), both up to
    the repository's top. A loop over the folders' own looks, each memoised (each folder of a large tree looking up
    to `/` on its own cost 0.2 s of a warm run on Django's 195 folders; a crafted tree may be thousands deep)."""
    weak = None
    current = directory
    while True:
        strong_here, weak_here, top = _root_markers(current)
        if strong_here:
            return current, weak
        weak = weak or (current if weak_here else None)
        if top:
            return None, weak
        current = current.parent


@functools.lru_cache(maxsize=1024)
def _root_markers(directory: Path) -> tuple[bool, bool, bool]:
    """(a project file is here, a weak marker is here, this is a repository's or the file system's top), from the
    folder's listing. An unpacked wheel's `<name>.dist-info/METADATA` is its project file."""
    folder = str(directory)
    strong = holds_project_file(folder, ROOT_MARKERS) or bool(_wheel_metadata_files(folder))
    weak = not strong and any(listings.exists(folder, marker) for marker in WEAK_ROOT_MARKERS)
    return strong, weak, listings.exists(folder, ".git") or directory.parent == directory


@functools.lru_cache(maxsize=64)
def project_dependencies(root: Path | None) -> ProjectDependencies:
    """Everything the project at `root` declares; cached, since every file of a run asks."""
    if root is None:
        return ProjectDependencies(None, frozenset(), False, frozenset())
    declared: set[str] = set()
    declares = False
    declares_dev = False
    src_paths: list[str] = ["src"]
    pyproject = read_project_toml(root / "pyproject.toml")
    if pyproject:
        try:
            found, names = _pyproject_dependencies(pyproject)
            declares_dev = _pyproject_declares_dev(pyproject)
        except (AttributeError, TypeError):  # a table of an unexpected type: read what the other files say
            found, names = False, set()
        declares |= found
        declared |= names
        project_name = _lookup(pyproject, "project", "name") or _lookup(pyproject, "tool", "poetry", "name")
        if isinstance(project_name, str):
            declared.add(normalize(project_name))
        configured = _lookup(pyproject, "tool", "vibecheck", "src-paths")
        if isinstance(configured, list):
            src_paths.extend(str(p) for p in configured)
    if not isinstance(pyproject.get("build-system"), dict):
        declared |= {"setuptools", "wheel"}  # the build requirements assumed when none are declared (PEP 518)
    for source in (_requirements_files(root), _setup_cfg(root), _setup_py(root), _pipfile(root), _pkg_info(root),
                   _egg_info(root)):
        found, names = source
        declares |= found
        declared |= names
    tox_found, tox_names = _tox_ini(root)
    declared |= tox_names
    declares_dev = declares_dev or tox_found or _files_declare_dev(root)
    modules = set(module_names_in(root))
    for relative in src_paths:
        modules |= module_names_in(root / relative)
    for folder in _django_project_folders(root):
        modules |= module_names_in(folder)
    return ProjectDependencies(root, frozenset(declared), declares, frozenset(modules), declares_dev)


@functools.lru_cache(maxsize=1024)
def folder_project(directory: Path) -> ProjectDependencies:
    """What the files of `directory` declare: the nearest project's declarations, and where a `requirements.txt` or
    `Pipfile` sits nearer than that project's own file (a monorepo's `services/api/requirements.txt` under the
    repository's `pyproject.toml`), that folder's too: the nearest manifest declares what its folder imports, and the
    enclosing project still provides its own package and what it declares for the whole tree."""
    strong, weak = _roots_above(directory)
    if strong is None or weak is None:
        return project_dependencies(strong or weak)
    outer, inner = project_dependencies(strong), project_dependencies(weak)
    return ProjectDependencies(strong, outer.declared | inner.declared, outer.declares or inner.declares,
                               outer.local_modules | inner.local_modules, outer.declares_dev or inner.declares_dev)


def _django_project_folders(root: Path) -> list[Path]:
    """The folders under the root that hold a Django `manage.py` (`backend/manage.py`): `manage.py` runs from there, so
    the apps beside it (`backend/accounts/`) import as `accounts`, in the project's code and its tests alike."""
    return [Path(entry.path) for entry in listings.entries(str(root)).values()
            if not entry.name.startswith(".") and entry.name not in _SKIPPED_DIRS and listings.is_dir(entry)
            and listings.exists(entry.path, "manage.py")]


@functools.lru_cache(maxsize=1024)
def module_names_in(directory: Path) -> frozenset[str]:
    """Top-level module names importable from `directory`: its `.py` files and its package directories.
    (The folder's listing, shared with discovery: the entries' types come with it.)"""
    names = set()
    for entry in listings.entries(str(directory)).values():
        if entry.name.startswith(".") or entry.name in _SKIPPED_DIRS:
            continue
        stem, suffix = os.path.splitext(entry.name)
        if suffix in (".py", ".pyi") and _is_file(entry):
            names.add(stem)
        elif suffix in (".so", ".pyd") and _is_file(entry):
            names.add(entry.name.split(".")[0])
        elif listings.is_dir(entry) and entry.name.isidentifier() and _has_python(entry.path):
            names.add(entry.name)
    return frozenset(names)


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def local_module_names(path: Path, project: ProjectDependencies) -> frozenset[str]:
    """The project's own modules, plus modules beside the file and in its parent directories up to the root.

    Python puts a script's directory on `sys.path`, and test runners put test directories there, so a
    sibling import (`from helpers import make_user`) is local too. A package's `_vendor` folder is one too: the
    package puts it on `sys.path` (poetry-core imports its vendored `packaging` and `lark` as top-level modules).
    """
    return _local_module_names(path.parent, project)


@functools.lru_cache(maxsize=256)
def _local_module_names(directory: Path, project: ProjectDependencies) -> frozenset[str]:
    """`local_module_names` for the files in `directory`: the files of a folder ask it once (a copy of the project's
    names and a look at each folder up to the root)."""
    names = set(project.local_modules)
    if project.root is None:
        return frozenset(names | _package_neighbours(directory))
    for _ in range(32):
        beside = module_names_in(directory)
        names |= beside
        for folder in _path_folders(directory, beside):
            names |= module_names_in(folder)
        if project.root is None or directory == project.root or directory == directory.parent:
            break
        directory = directory.parent
    return frozenset(names)


def _path_folders(directory: Path, beside: frozenset[str]) -> tuple[Path, ...]:
    """The folders that code in or under `directory` puts on `sys.path`: a package's `_vendor`, and those its
    `conftest.py` appends."""
    vendored = (directory / VENDOR_FOLDER,) if VENDOR_FOLDER in beside else ()
    return vendored + (_conftest_path_folders(directory) if "conftest" in beside else ())


@functools.lru_cache(maxsize=256)
def _conftest_path_folders(directory: Path) -> tuple[Path, ...]:
    """`sys.path.append(os.path.join(os.path.dirname(__file__), 'helpers'))` in `directory/conftest.py`: `helpers/`."""
    try:
        with open(directory / "conftest.py", "rb") as handle:
            text = handle.read(CONFTEST_CAP).decode("utf-8", "replace")
    except OSError:
        return ()
    folders = {match.group(1) for call in SYS_PATH_CALL.finditer(text) for match in QUOTED_FOLDER.finditer(call.group(1))}
    return tuple(directory / name for name in sorted(folders) if name in module_names_in(directory))


def _package_neighbours(directory: Path) -> frozenset[str]:
    """Without a project root: the modules beside the file, in each enclosing package, and beside the top package
    (or beside the file's folder when it is no package: `python -m app.main` imports `app.runner` from there)."""
    return frozenset(name for folder in _package_folders(directory) for name in module_names_in(folder))


def _package_folders(directory: Path) -> list[Path]:
    """`directory`, the packages that enclose it and the folder holding the outermost; for a folder that is no
    package, the folder and its parent, and when it is a namespace sub-package of a package (`app/test/` beside
    `app/__init__.py`, also nested: `app/retrieval/web/` under a package `app/` whose `retrieval/` has no
    `__init__.py` either), the folders up to that package and the packages that enclose it too."""
    folders = [directory]
    if not _is_package(directory):
        namespace = _namespace_folders(directory)
        if not namespace or not _is_package(namespace[-1]):
            return folders + namespace[:1]
        folders += namespace
        directory = namespace[-1]
    for _ in range(32):
        if not _is_package(directory) or directory == directory.parent:
            break
        directory = directory.parent
        folders.append(directory)
    return folders


def _namespace_folders(directory: Path) -> list[Path]:
    """The folders above `directory` up to the first package (one with `__init__.py`), at most
    `NAMESPACE_DEPTH` of them; the last is that package when there is one."""
    folders: list[Path] = []
    while len(folders) < NAMESPACE_DEPTH and directory != directory.parent:
        directory = directory.parent
        folders.append(directory)
        if _is_package(directory):
            break
    return folders


def _is_package(directory: Path) -> bool:
    """Whether `directory` holds an `__init__.py`, from its listing (`listings`: each folder's is read once a run,
    where a `stat` per folder and level asked the disk for every folder of the tree again)."""
    return listings.is_file(str(directory), "__init__.py")


class DependencyInputs:
    """A digest of what VC503/VC504 read for the file at `path` beyond its text: the project's declarations,
    the module names beside the file and in the project, and where installed packages live (a package
    installed or removed changes its site folder). The cache calls `cache_clear` when a run starts, so a
    long-lived process (an editor, a test) sees the files as they are now (the folders' listings are dropped when
    a check starts: `listings.forget`)."""

    def __init__(self) -> None:
        self._by_folder: dict[str, str] = {}  # a file's folder, as its path names it -> the digest
        self._real: dict[str, str] = {}  # the memo of `real_folder`: one `lstat` per folder

    def __call__(self, path: str) -> str:
        folder = os.path.dirname(path)
        if listings.is_link(folder or os.curdir, os.path.basename(path)):  # its folder's listing says: no `lstat`
            return _folder_inputs(Path(path).resolve().parent)
        digest = self._by_folder.get(folder)
        if digest is None:
            real = real_folder(os.path.abspath(folder or os.curdir), self._real)
            digest = self._by_folder[folder] = _folder_inputs(Path(real))
        return digest

    def cache_clear(self) -> None:
        self._by_folder.clear()
        self._real.clear()
        _CHAINS.clear()
        for memo in (_folder_inputs, _installed_state, project_dependencies, folder_project, module_names_in,
                     _local_module_names, _root_markers, _names_digest, missing_submodule, _conftest_path_folders):
            memo.cache_clear()


dependency_inputs = DependencyInputs()


@functools.lru_cache(maxsize=1024)
def _folder_inputs(folder: Path) -> str:
    project = folder_project(folder)
    state = (str(project.root), sorted(project.declared), project.declares, project.declares_dev,
             sorted(project.local_modules), _local_names_digest(folder, project.root), _installed_state())
    return _digest(state)


def _local_names_digest(directory: Path, root: Path | None) -> str:
    """A digest of the module names `local_module_names` finds in `directory` and the folders above it, from each
    folder's own memoised digest (no union of every level's names per folder). It goes up to `root` or the top,
    past `local_module_names`' 32 levels: more than it reads, never less; without a root, the same folders."""
    if root is None:
        return _digest([_names_digest(folder) for folder in _package_folders(directory)])
    stem = str(root)
    pending: list[str] = []
    current = str(directory)
    while (current, stem) not in _CHAINS:  # a loop: a crafted tree may be thousands of folders deep
        parent = os.path.dirname(current)
        if current == stem or parent == current:
            _CHAINS[current, stem] = _names_digest(Path(current))
            break
        pending.append(current)
        current = parent
    digest = _CHAINS[current, stem]
    for folder in reversed(pending):  # each folder's digest from its parent's: the folders of a tree share theirs
        digest = _CHAINS[folder, stem] = _digest((_names_digest(Path(folder)), digest))
    return digest


_CHAINS: dict[tuple[str, str], str] = {}  # (folder, root) -> `_local_names_digest`, until `cache_clear`


@functools.lru_cache(maxsize=1024)
def _names_digest(directory: Path) -> str:
    names = module_names_in(directory)
    on_path = [(folder.name, sorted(module_names_in(folder))) for folder in _path_folders(directory, names)]
    return _digest((str(directory), sorted(names), on_path))


def _digest(state: object) -> str:
    return hashlib.blake2b(repr(state).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@functools.lru_cache(maxsize=1)
def _installed_state() -> tuple[tuple[str, object], ...]:
    """What `is_installed` and `installed_distributions` depend on: for a folder of the Python installation or a
    site folder, its modification time (a package installed or removed changes it); for any other folder on
    `sys.path` (a script's folder, a checkout or its editable `src/`), the module names in it, since its time
    changes with every file written there (this cache's own folder too) while only its modules matter."""
    installation = tuple({os.path.realpath(prefix) + os.sep for prefix in (sys.prefix, sys.base_prefix, sys.exec_prefix)})
    stamps: list[tuple[str, object]] = []
    for entry in sys.path:
        folder = os.path.realpath(entry or ".")
        if os.path.isdir(folder) and not folder.startswith(installation) \
                and os.path.basename(folder) not in ("site-packages", "dist-packages"):
            stamps.append((entry, sorted(module_names_in(Path(folder)))))
            continue
        try:
            stamps.append((entry, os.stat(folder).st_mtime_ns))
        except OSError:
            stamps.append((entry, 0))
    return tuple(stamps)


def candidate_distributions(module: str) -> frozenset[str]:
    """Normalised distribution names that may provide the dotted `module` (installed or by convention)."""
    return _installed_names(module) | _conventional_names(module)


def _installed_names(module: str) -> frozenset[str]:
    """The normalised names of the installed distributions that provide the module's top level. Reading the installed
    metadata costs a one-file hook's worker 25 ms (`importlib.metadata.packages_distributions`), so it is asked last."""
    return frozenset(normalize(distribution) for distribution in installed_distributions(module.split(".")[0]))


def _conventional_names(module: str) -> frozenset[str]:
    """Normalised distribution names that may provide the dotted `module` by the tables and naming conventions alone."""
    parts = module.split(".")
    names: set[str] = set()
    for length in range(len(parts), 0, -1):
        prefix = ".".join(parts[:length])
        for distribution in (*KNOWN_DISTRIBUTIONS.get(prefix, ()), *PULLED_IN_BY.get(prefix, ())):
            names.add(normalize(distribution))
        plain = normalize(prefix).lstrip("-")  # `_argon2_cffi_bindings`: the private module of `argon2-cffi-bindings`
        names.update({plain, strip_variant(plain), *(form.format(plain) for form in CONVENTIONAL_FORMS)})
        if plain.startswith("py") and len(plain) > 3:  # `pycircos` from `python-circos` or `circos`
            names.update({plain[2:], f"python-{plain[2:]}"})
        if plain.endswith("py") and len(plain) > 3:  # `celpy` from `cel-python`: the module says "py" for Python
            names.update({f"{plain[:-2]}-python", f"python-{plain[:-2]}"})
        words = plain.split("-")
        inner = [word for word in words[1:-1] if word not in IMPLEMENTATION_WORDS]
        if len(words) > 2 and len(inner) < len(words) - 2:  # `ormar_rust_utils` from `ormar-utils`
            names.add("-".join((words[0], *inner, words[-1])))
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def _packages_distributions() -> Mapping[str, list[str]]:
    return packages_distributions()


def installed_distributions(top_level: str) -> tuple[str, ...]:
    """The installed distributions that provide the top-level module (from their metadata)."""
    return tuple(_packages_distributions().get(top_level, ()))


@functools.lru_cache(maxsize=4096)
def is_installed(top_level: str) -> bool:
    """Whether the top-level module can be found where vibecheck runs, without importing it."""
    if top_level in _packages_distributions() or top_level in sys.builtin_module_names:
        return True
    try:
        return importlib.machinery.PathFinder.find_spec(top_level) is not None
    except (ImportError, ValueError):
        return False


# What a package's `__init__` writes when it makes submodules no file holds (`sys.modules["pkg.sub"] = ...`, a
# `__path__` extended at run time, an import hook): its files do not list its modules.
DYNAMIC_SUBMODULES = lazy_pattern(r"__path__|extend_path|sys\.modules|meta_path")
# The folders an installer puts packages in: a package there changes only when an installer changes its folder
# (`_installed_state` stamps it), unlike an editable checkout.
SITE_FOLDERS = frozenset({"site-packages", "dist-packages"})
INIT_LIMIT = 2_000_000  # bytes of a package's `__init__.py` read for `DYNAMIC_SUBMODULES`


@functools.lru_cache(maxsize=1024)
def missing_submodule(module: str) -> str | None:
    """The first part of the dotted `module` that its installed top-level package lacks (`anthropic.tooling` when
    the `anthropic/` folder in a site folder holds no `tooling.py`, `tooling/` or compiled `tooling`), read from the
    package's files without importing it; None when every part is there or nothing can be known: the top level is
    not installed here, is a module or a namespace package, lives outside a site folder, or its `__init__` makes
    submodules at run time (`DYNAMIC_SUBMODULES`); a part below a module may be anything that module makes."""
    parts = module.split(".")
    if len(parts) < 2:
        return None
    try:
        spec = importlib.machinery.PathFinder.find_spec(parts[0])
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or not spec.submodule_search_locations:
        return None
    folder = Path(spec.origin).parent
    if SITE_FOLDERS.isdisjoint(folder.parts):
        return None
    for depth in range(1, len(parts)):
        init = folder / "__init__.py"
        try:
            text = read_regular_text(init, INIT_LIMIT) if init.is_file() else ""
            entries = os.listdir(folder)
        except OSError:
            return None
        if DYNAMIC_SUBMODULES.search(text):
            return None
        name = parts[depth]
        if name in entries and (folder / name).is_dir():
            folder = folder / name
            continue
        if any(entry == f"{name}.py" or entry.startswith(f"{name}.") and entry.endswith((".so", ".pyd", ".pyc"))
               for entry in entries):
            return None
        return ".".join(parts[:depth + 1])
    return None


# Modules the interpreter itself provides without a file of the standard library: compiler directives, and the
# program it is running (`import __main__`: is this an interactive session?).
INTERPRETER_MODULES = frozenset({"__future__", "__main__"})


def is_standard_library(top_level: str) -> bool:
    return top_level in sys.stdlib_module_names or top_level in LEGACY_STDLIB or top_level in RUNTIME_MODULES \
        or top_level in HOST_APPLICATION_MODULES or top_level in INTERPRETER_MODULES


def _lookup(data: Any, *keys: str) -> Any:
    """`data[k1][k2]...`, or None where a table is missing or is not a table."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _has_python(directory: str) -> bool:
    """Python files directly inside, or a package one level down (`src/` imported as `src.app`). On strings and
    the folder's listing: a warm run asks this of every folder's subfolders (Django's `conf/locale/` has a hundred),
    which discovery listed already when they hold Python."""
    children = listings.entries(directory).values()
    # `len > 3`: a file named `.py` alone has no suffix (as `Path.suffix` says); a package's `__init__.py` is looked
    # up in its folder's listing, which discovery made (`conf/locale/*/LC_MESSAGES/`: a thousand `stat` calls)
    return any(len(child.name) > 3 and child.name.endswith(".py") for child in children) or any(
        listings.is_dir(child) and listings.is_file(child.path, "__init__.py") for child in children)


def _project_text(path: Path, root: Path) -> str | None:
    """A dependency file's text, or None when it is missing, outside the project, special or too large."""
    if not is_inside(path, root):
        return None
    try:
        return read_regular_text(path, DEPENDENCY_FILE_LIMIT)
    except OSError:
        return None


def read_project_toml(path: Path) -> dict[str, Any]:
    """A TOML file of the checked project (its pyproject.toml, Pipfile), read as its dependency files are: a regular
    file within the size cap; {} when it is missing, special, too large, invalid or nested too deep to read."""
    text = _project_text(path, path.parent)
    if text is None:
        return {}
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, MemoryError):
        return {}


# PEP 723 inline script metadata: a `# /// script` block of comment lines, closed by `# ///`, holding TOML.
SCRIPT_BLOCK = lazy_pattern(r"^# /// script[ \t]*\r?\n(?P<content>(?:^#(?:| .*)\r?\n)+)^# ///[ \t]*$", re.MULTILINE)


def script_dependencies(source: str) -> frozenset[str] | None:
    """The distributions a script declares in its PEP 723 `# /// script` block (`uv run` installs them), normalised;
    None when it has no such block with a `dependencies` list."""
    if "# /// script" not in source:
        return None
    match = SCRIPT_BLOCK.search(source)
    if match is None:
        return None
    toml = "".join(line[2:] if line.startswith("# ") else line[1:] for line in match.group("content").splitlines(True))
    try:
        requirements = tomllib.loads(toml).get("dependencies")
    except (tomllib.TOMLDecodeError, RecursionError, MemoryError):
        return None
    if not isinstance(requirements, list):
        return None
    return frozenset(name for line in requirements if isinstance(line, str) and (name := requirement_name(line)))


def _read_ini(path: Path, root: Path, *, strict: bool = True) -> configparser.ConfigParser | None:
    text = _project_text(path, root)
    if text is None:
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=strict)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        return None
    return parser


def _strings(value: Any) -> Iterator[str]:
    """Every requirement string in a (nested) list/dict of them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _names(requirements: Iterable[str]) -> set[str]:
    """The declared distributions, with the extras each requirement asks for: `kombu[sqlalchemy]` installs SQLAlchemy,
    `requests[socks]` PySocks, which is how a project declares an optional backend through another package; an extra
    also installs the family's distribution named after it (`psycopg[pool]` installs `psycopg-pool`). Each extra is
    kept as itself too (`[xls]`, see `ProjectDependencies.requested_extras`): what `tablib[xls]` installs (xlrd) is
    known only to tablib's metadata."""
    names: set[str] = set()
    for requirement in requirements:
        name = requirement_name(requirement)
        if name:
            names.add(name)
        extras = _REQUIREMENT_EXTRAS.match(requirement)
        if extras:
            named = {normalize(extra.strip()) for extra in extras.group(1).split(",") if extra.strip()}
            names |= named | {f"[{extra}]" for extra in named} | ({f"{name}-{extra}" for extra in named} if name else set())
    return names


def _poetry_requirements(table: dict[str, Any]) -> Iterator[str]:
    """Poetry's dependency table as requirement strings: `tablib = {version = "*", extras = ["xls"]}` is
    `tablib[xls]` (also in a list of constraints per Python version); `python` is no distribution."""
    for key, value in table.items():
        if key.lower() == "python":
            continue
        constraints = value if isinstance(value, list) else [value]
        extras = sorted({str(extra) for constraint in constraints if isinstance(constraint, dict)
                         for extra in constraint.get("extras", []) if isinstance(constraint.get("extras"), list)})
        yield f"{key}[{','.join(extras)}]" if extras else key


def _pyproject_dependencies(data: dict[str, Any]) -> tuple[bool, set[str]]:
    names: set[str] = set()
    found = False
    project = data.get("project")
    if isinstance(project, dict):
        found = "dependencies" in project or "dependencies" not in project.get("dynamic", [])
        names |= _names(_strings(project.get("dependencies", [])))
        names |= _names(_strings(project.get("optional-dependencies", {})))
        names |= _entry_point_hosts(project.get("entry-points"))
    groups = data.get("dependency-groups")
    if isinstance(groups, dict):
        found = True
        names |= _names(_strings(groups))
    build = data.get("build-system", {})
    names |= _names(_strings(build.get("requires", []) if isinstance(build, dict) else []))
    tool = data.get("tool", {})
    poetry = tool.get("poetry", {}) if isinstance(tool, dict) else {}
    if isinstance(poetry, dict):
        tables = [poetry.get("dependencies"), poetry.get("dev-dependencies")]
        tables += [g.get("dependencies") for g in poetry.get("group", {}).values() if isinstance(g, dict)]
        for table in tables:
            if isinstance(table, dict):
                found = True
                names |= _names(_poetry_requirements(table))
    for dev in (tool.get("pdm", {}).get("dev-dependencies"), tool.get("uv", {}).get("dev-dependencies")):
        names |= _names(_strings(dev or []))
    for env in tool.get("hatch", {}).get("envs", {}).values():
        if isinstance(env, dict):
            names |= _names(_strings(env.get("dependencies", [])))
            names |= _names(_strings(env.get("extra-dependencies", [])))
    # A hatch metadata hook that fills in the dependencies `project.dynamic` leaves open (uv-dynamic-versioning's
    # `[tool.hatch.metadata.hooks.uv-dynamic-versioning.optional-dependencies]`, which pins sibling packages to the
    # version it computes) declares them in its own table.
    for hook in tool.get("hatch", {}).get("metadata", {}).get("hooks", {}).values():
        if isinstance(hook, dict) and ("dependencies" in hook or "optional-dependencies" in hook):
            found = True
            names |= _names(_strings(hook.get("dependencies", [])))
            names |= _names(_strings(hook.get("optional-dependencies", {})))
    return found, names


def _entry_point_hosts(groups: object) -> set[str]:
    """The packages whose entry-point groups the project joins (`[project.entry-points."paste.server_runner"]`,
    `flake8.extension`): each loads the module it names, so that module runs where its host is installed."""
    if not isinstance(groups, dict):
        return set()
    return {normalize(host) for group in groups if isinstance(group, str) for host in _group_hosts(group)}


def _group_hosts(group: str) -> tuple[str, ...]:
    """The host a group is named for: its first part (`flake8` of `flake8.extension`), and for a one-part name that
    ends in the version of the host's plugin interface (`pytest11`, `pyinstaller40`) that name without the number."""
    if "." in group:
        return (group.split(".")[0],)
    unversioned = group.rstrip("0123456789")
    return (group, unversioned) if unversioned and unversioned != group else (group,)


def _pyproject_declares_dev(data: dict[str, Any]) -> bool:
    """Whether the pyproject declares development or test dependencies anywhere."""
    tool = data.get("tool", {})
    poetry = tool.get("poetry", {})
    extras = data.get("project", {}).get("optional-dependencies", {})
    return bool(
        data.get("dependency-groups")
        or poetry.get("dev-dependencies") or poetry.get("group")
        or tool.get("pdm", {}).get("dev-dependencies") or tool.get("uv", {}).get("dev-dependencies")
        or any(isinstance(env, dict) and env.get("dependencies") for env in tool.get("hatch", {}).get("envs", {}).values())
        or any(DEV_WORDS.search(extra) for extra in extras)
    )


def _requirement_files(root: Path) -> list[Path]:
    """`requirements.txt`, `requirements-dev.in`, `test-requirements.txt`, and the files of a folder named like them
    (`requirements/base.txt`, django-cms's `test_requirements/requirements_base.txt`)."""
    return sorted({*root.glob("requirements*.txt"), *root.glob("requirements*.in"), *root.glob("*requirements.txt"),
                   *root.glob("*requirements/*.txt"), *root.glob("*requirements/*.in")})


def _files_declare_dev(root: Path) -> bool:
    """A dev/test requirements file, test requirements in setup.cfg, or a Pipfile's dev packages."""
    if any(DEV_WORDS.search(path.relative_to(root).as_posix().removesuffix(path.suffix)) for path in _requirement_files(root)):
        return True
    if bool(read_project_toml(root / "Pipfile").get("dev-packages")):
        return True
    return "tests_require" in (_project_text(root / "setup.cfg", root) or "")


def _tox_ini(root: Path) -> tuple[bool, set[str]]:
    """The `deps` of every tox environment (a common home of test dependencies)."""
    parser = _read_ini(root / "tox.ini", root, strict=False)
    if parser is None:
        return False, set()
    names: set[str] = set()
    found = False
    for section in parser.sections():
        if parser.has_option(section, "deps"):
            found = True
            for line in parser.get(section, "deps").splitlines():
                line = _TOX_FACTORS.sub("", line.strip()).replace("{toxinidir}", ".")
                if line.startswith("-r"):
                    names |= _parse_requirements(root / line[2:].strip(), set(), root)
                elif line and not line.startswith(("{", "-", "#")):
                    names |= _names([line])
    return found, names


def _requirements_files(root: Path) -> tuple[bool, set[str]]:
    files = _requirement_files(root)
    names: set[str] = set()
    seen: set[Path] = set()
    for path in files:
        names |= _parse_requirements(path, seen, root)
    return bool(files), names


def _parse_requirements(path: Path, seen: set[Path], root: Path) -> set[str]:
    """The names a requirements file declares, following `-r` includes that stay inside the project."""
    resolved = Path(os.path.realpath(path))
    if resolved in seen:
        return set()
    seen.add(resolved)
    text = _project_text(path, root)
    if text is None:
        return set()
    names: set[str] = set()
    for raw in text.replace("\\\n", " ").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        option = re.match(r"^(-r|--requirement|-c|--constraint|-e|--editable)\s*=?\s*(\S+)", line)
        if option:
            flag, target = option.groups()
            if flag in ("-r", "--requirement"):
                names |= _parse_requirements(path.parent / target, seen, root)
            elif flag in ("-e", "--editable") and "egg=" in target:
                names |= _names([target])
            continue
        if line.startswith("-"):
            continue
        names |= _names([line])
    return names


def _setup_cfg(root: Path) -> tuple[bool, set[str]]:
    parser = _read_ini(root / "setup.cfg", root)
    if parser is None:
        return False, set()
    values: list[str] = []
    found = False
    for section, key in (("options", "install_requires"), ("options", "tests_require"), ("options", "setup_requires"),
                         ("metadata", "requires-dist"), ("metadata", "requires_dist")):
        if parser.has_option(section, key):
            found = True
            values.append(parser.get(section, key))
    if parser.has_section("options.extras_require"):
        values.extend(parser.get("options.extras_require", key) for key in parser.options("options.extras_require"))
    return found, _names(line for value in values for line in value.splitlines() if line.strip())


def _setup_py(root: Path) -> tuple[bool, set[str]]:
    """Requirement strings written literally in `setup(install_requires=..., extras_require=...)` (parsed only)."""
    text = _project_text(root / "setup.py", root)
    if text is None:
        return False, set()
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False, set()
    assigned = {target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for target in node.targets if isinstance(target, ast.Name)}
    keywords = {"install_requires", "extras_require", "tests_require", "setup_requires"}
    values: list[str] = []
    found = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in keywords:
                    found = True
                    value = keyword.value
                    if isinstance(value, ast.Name):
                        value = assigned.get(value.id, value)
                    if isinstance(value, ast.Dict):  # extras: the keys are extra names, not requirements
                        value = ast.List(elts=[v for v in value.values if v is not None])
                    values.extend(c.value for c in ast.walk(value) if isinstance(c, ast.Constant) and isinstance(c.value, str))
            if _adds_requirements(node, keywords):  # `setup_args["install_requires"].append("pywin32")` on Windows
                found = True
                values.extend(c.value for a in node.args for c in ast.walk(a)
                              if isinstance(c, ast.Constant) and isinstance(c.value, str))
        elif isinstance(node, ast.Dict):  # `setup_args = {"install_requires": [...]}`, then `setup(**setup_args)`
            for key, value in zip(node.keys, node.values, strict=False):
                if isinstance(key, ast.Constant) and key.value in keywords and key.value != "extras_require":
                    found = True
                    values.extend(c.value for c in ast.walk(value) if isinstance(c, ast.Constant) and isinstance(c.value, str))
    return found, _names(values)


def _adds_requirements(call: ast.Call, keywords: set[str]) -> bool:
    """`install_requires.append("x")`, `setup_args["extras_require"]["win"].extend([...])`: a list of requirements grown
    before `setup()` is called (under a platform test, typically)."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("append", "extend")):
        return False
    return any((isinstance(n, ast.Name) and n.id in keywords) or (isinstance(n, ast.Constant) and n.value in keywords)
               for n in ast.walk(func.value))


def _pipfile(root: Path) -> tuple[bool, set[str]]:
    data = read_project_toml(root / "Pipfile")
    tables = [data.get("packages"), data.get("dev-packages")]
    names = {normalize(key) for table in tables if isinstance(table, dict) for key in table}
    return bool(data), names


def _pkg_info(root: Path) -> tuple[bool, set[str]]:
    """The `Requires-Dist:` lines of an unpacked sdist's metadata (`PKG-INFO`) and of an unpacked wheel's
    (`<name>.dist-info/METADATA`, the same format)."""
    lines: list[str] = []
    for path in (root / "PKG-INFO", *_wheel_metadata_files(str(root))):
        text = _project_text(path, root)
        if text is not None:
            header = text.split("\n\n", 1)[0]
            lines += [line.split(":", 1)[1] for line in header.splitlines() if line.startswith("Requires-Dist:")]
    return bool(lines), _names(lines)


def _egg_info(root: Path) -> tuple[bool, set[str]]:
    """The requirements setuptools wrote to `<name>.egg-info/requires.txt` (also under `src/`), one a line with a
    `[extra]` header above each extra's: what a `setup.py` that reads its lists from elsewhere (`pip("install")` over
    `requirements/install.pip`) declares, as the sdist ships it."""
    lines: list[str] = []
    for folder in (root, root / "src"):
        for entry in listings.entries(str(folder)).values():
            if entry.name.endswith(".egg-info") and listings.is_dir(entry) and listings.is_file(entry.path, "requires.txt"):
                text = _project_text(Path(entry.path, "requires.txt"), root) or ""
                lines += [line for line in text.splitlines() if line.strip() and not line.startswith("[")]
    return bool(lines), _names(lines)


def _wheel_metadata_files(folder: str) -> list[Path]:
    """The `METADATA` of each `<name>.dist-info` folder in `folder`: an unpacked wheel's declarations."""
    return [Path(entry.path, "METADATA") for entry in listings.entries(folder).values()
            if entry.name.endswith(".dist-info") and listings.is_dir(entry) and listings.is_file(entry.path, "METADATA")]
