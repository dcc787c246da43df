"""VC503/VC504 on small projects built in `tmp_path`: declarations are read, imports judged per file."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibecheck import listings
from vibecheck.analysis import dependencies
from vibecheck.analysis.dependencies import candidate_distributions, find_root, normalize, project_dependencies, requirement_name
from vibecheck.engine import check_file
from vibecheck.rules.agent_artefacts import undeclared_dependency
from vibecheck.rules.agent_artefacts.undeclared_dependency import UndeclaredDependency
from vibecheck.rules.agent_artefacts.unknown_import import UnknownImport

RULES = [(UnknownImport, None), (UndeclaredDependency, None)]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def findings(path: Path, *, is_test_file: bool = False) -> list[tuple[str, int, str]]:
    result = check_file(str(path), path.read_bytes(), RULES, is_test_file=is_test_file)
    assert not result.errors, result.errors
    return sorted((f.code, f.location.start.line, f.message.split("`")[1]) for f in result.findings)


def test_pep621_src_layout(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "my-app"\ndependencies = ["requests>=2", "PyJWT"]\n'
                          '[project.optional-dependencies]\nconfig = ["PyYAML>=6"]\n',
        "src/my_app/__init__.py": "",
        "src/my_app/api.py": (
            "import requests\nimport jwt\nimport yaml\nfrom my_app import models\n"
            "import flask_secure_authz\nimport pygments\nfrom . import views\n"
        ),
    })
    assert findings(tmp_path / "src/my_app/api.py") == [
        ("VC503", 5, "flask_secure_authz"),
        ("VC504", 6, "pygments"),
    ]


def test_requirements_with_includes_and_well_known_names(tmp_path: Path) -> None:
    write(tmp_path, {
        "requirements.txt": "-r requirements/base.txt\nDjango==5.0  # web\n",
        "requirements/base.txt": "python-dotenv\nbeautifulsoup4>=4\n--index-url https://example.invalid/simple\n",
        "app.py": "import dotenv\nfrom bs4 import BeautifulSoup\nimport django\nimport markdown_it\nimport sklearn_turbo\n",
    })
    assert findings(tmp_path / "app.py") == [("VC503", 5, "sklearn_turbo"), ("VC504", 4, "markdown_it")]


def test_setup_cfg_and_poetry_declarations(tmp_path: Path) -> None:
    write(tmp_path / "a", {
        "setup.cfg": "[metadata]\nname = a\n[options]\ninstall_requires =\n    click>=8\n    rich\n",
        "a.py": "import click\nimport rich\nimport pygments\n",
    })
    write(tmp_path / "b", {
        "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\nPygments = "*"\n'
                          '[tool.poetry.group.dev.dependencies]\npytest = "*"\n',
        "b.py": "import pygments\nimport click\n",
    })
    assert findings(tmp_path / "a/a.py") == [("VC504", 3, "pygments")]
    assert findings(tmp_path / "b/b.py") == [("VC504", 2, "click")]


def test_hatch_metadata_hook_tables_declare_dynamic_dependencies(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "slim"\ndynamic = ["optional-dependencies"]\ndependencies = ["rich"]\n'
                          '[tool.hatch.metadata.hooks.uv-dynamic-versioning.optional-dependencies]\n'
                          'cli = ["cyclopts>=4", "slim[mcp]=={{ version }}"]\n',
        "slim.py": "import rich\nimport cyclopts\nimport pygments\n",
    })
    assert findings(tmp_path / "slim.py") == [("VC504", 3, "pygments")]


def test_a_module_named_with_py_is_shipped_by_its_python_distribution(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "flows"\ndependencies = ["zorb-python>=0.5"]\n',
        "flows.py": "import zorbpy\nimport quuxpy\n",
    })
    assert [line for _, line, _ in findings(tmp_path / "flows.py")] == [2]


def test_modules_a_declared_distribution_always_installs(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "auth"\ndependencies = ["pydantic>=2", "social-auth-app-django>=5"]\n',
        "auth.py": "import typing_extensions\nfrom social_core.backends import facebook\nimport social_django\n"
                   "import social_flask\n",
    })
    assert [line for _, line, _ in findings(tmp_path / "auth.py")] == [4]


def test_setup_py_is_parsed_not_run(tmp_path: Path) -> None:
    write(tmp_path, {
        "setup.py": "import sys\nsys.exit('must not run')\nrequires = ['click>=8']\n"
                    "setup(name='x', install_requires=requires, extras_require={'fancy': ['rich']})\n",
        "x.py": "import click\nimport rich\nimport pygments\nfrom setuptools import setup\n",
    })
    assert findings(tmp_path / "x.py") == [("VC504", 3, "pygments")]


def test_a_project_that_declares_nothing_gets_no_undeclared_findings(tmp_path: Path) -> None:
    write(tmp_path, {".git/HEAD": "ref: main\n", "tool.py": "import pygments\nimport no_such_package_here\n"})
    assert findings(tmp_path / "tool.py") == [("VC503", 2, "no_such_package_here")]


def test_local_modules_from_siblings_and_src_paths(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\ndependencies = []\n[tool.vibecheck]\nsrc-paths = ["lib"]\n',
        "lib/corelib/__init__.py": "",
        "scripts/helpers.py": "",
        "scripts/run.py": "import helpers\nimport corelib.db\nimport scripts_missing_pkg\n",
    })
    assert findings(tmp_path / "scripts/run.py") == [("VC503", 3, "scripts_missing_pkg")]


def test_test_files_are_judged_only_against_declared_dev_dependencies(tmp_path: Path) -> None:
    write(tmp_path / "nodev", {
        "pyproject.toml": '[project]\nname = "x"\ndependencies = []\n',
        "tests/test_x.py": "import pytest\n\ndef test_it():\n    from generated_module import app\n",
    })
    write(tmp_path / "dev", {
        "pyproject.toml": '[project]\nname = "y"\ndependencies = []\n',
        "requirements-dev.txt": "pytest\n",
        "tests/test_y.py": "import pytest\nimport pygments\n",
    })
    assert findings(tmp_path / "nodev/tests/test_x.py", is_test_file=True) == []
    assert findings(tmp_path / "dev/tests/test_y.py", is_test_file=True) == [("VC504", 2, "pygments")]


def test_a_scripts_inline_metadata_declares_its_own_dependencies(tmp_path: Path) -> None:
    """PEP 723: `uv run plot.py` installs what the script's `# /// script` block lists; another file gains nothing."""
    block = ('# /// script\n# requires-python = ">=3.11"\n'
             '# dependencies = [\n#   "chemcrumbs-io>=3.22",\n#   "PyYAML",\n# ]\n# ///\n')
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "crumbs"\ndependencies = ["click"]\n',
        "crumbs/plot.py": "#!/usr/bin/env python3\n" + block + "import chemcrumbs_io.read\nimport yaml\nimport chemplotz\n",
        "crumbs/other.py": "import chemcrumbs_io.read\nimport yaml\n",
        "crumbs/broken.py": "# /// script\n# dependencies = [\n# ///\nimport chemcrumbs_io\n",
    })
    assert findings(tmp_path / "crumbs/plot.py") == [("VC503", 11, "chemplotz")]
    assert findings(tmp_path / "crumbs/other.py") == [("VC503", 1, "chemcrumbs_io.read"), ("VC504", 2, "yaml")]
    assert findings(tmp_path / "crumbs/broken.py") == [("VC503", 4, "chemcrumbs_io")]


def test_dotnet_namespaces_of_a_pythonnet_project_are_not_unknown(tmp_path: Path) -> None:
    """pythonnet's `clr.AddReference("Serilog")` makes .NET assemblies importable as `import System`."""
    write(tmp_path / "net", {
        "pyproject.toml": '[project]\nname = "net"\ndependencies = ["pythonnet>=3.0"]\n',
        "net/core.py": "import clr\nclr.AddReference('Serilog')\nimport System\nfrom Serilog import Log\nimport graphlibz\n",
        "net/includes.py": "from Newtonsoft.Json import JsonConvert\n",
    })
    write(tmp_path / "plain", {
        "pyproject.toml": '[project]\nname = "plain"\ndependencies = []\n',
        "plain/app.py": "from Serilog import Log\n",
        "plain/bridge.py": "import clr\nfrom Serilog import Log\n",
    })
    assert findings(tmp_path / "net/net/core.py") == [("VC503", 5, "graphlibz")]
    assert findings(tmp_path / "net/net/includes.py") == []
    assert findings(tmp_path / "plain/plain/app.py") == [("VC503", 1, "Serilog")]
    assert findings(tmp_path / "plain/plain/bridge.py") == []


def test_a_py_module_from_its_python_distribution_and_a_renamed_fork(tmp_path: Path) -> None:
    """`python-circos` ships `pycircos`; `django-q2`, the maintained fork of `django-q`, keeps `django_q`."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "kit"\ndependencies = ["python-circos", "django-q2"]\n',
        "kit/plot.py": "import pycircos\nfrom django_q.tasks import async_task\nimport pycircuz\n",
    })
    assert findings(tmp_path / "kit/plot.py") == [("VC503", 3, "pycircuz")]


def test_a_compiled_companion_names_its_language_between_its_distributions_words(tmp_path: Path) -> None:
    """ormar 0.26 declares `ormar-utils`, whose Rust extension is `ormar_rust_utils`; the language word counts only
    between two words of a declared name: `rust_utils` and `ormar_rust` name no declared distribution."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "orm"\ndependencies = ["ormar-utils"]\n',
        "orm/fields.py": "import ormar_rust_utils\nimport ormar_native_utils\nimport ormar_rust\nimport rust_utils\n"
                         "import ormar_rust_helpers\n",
    })
    assert findings(tmp_path / "orm/fields.py") == [
        ("VC503", 3, "ormar_rust"), ("VC503", 4, "rust_utils"), ("VC503", 5, "ormar_rust_helpers")]


def test_a_test_files_import_of_the_repositorys_test_support_package_is_not_unknown(tmp_path: Path) -> None:
    """An Airflow provider's sdist ships its tests, which import `tests_common` from the monorepo beside it."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "provider"\ndependencies = []\n',
        "tests/system/example_dag.py": "from tests_common.test_utils.system_tests import get_test_run\n"
                                       "from test_utils import db\nimport testlib\nimport testify_helpers\n"
                                       "from conftest import User\n",
        "src/provider/hooks.py": "from tests_common.test_utils import helpers\n",
    })
    assert findings(tmp_path / "tests/system/example_dag.py", is_test_file=True) == [("VC503", 4, "testify_helpers")]
    assert findings(tmp_path / "src/provider/hooks.py") == [("VC503", 1, "tests_common.test_utils")]


def test_optional_and_conditional_imports_are_not_reported(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\ndependencies = []\n',
        "m.py": (
            "import contextlib\n"
            "try:\n    import fast_missing\nexcept (ImportError, AttributeError):\n    import slow_missing\n"
            "else:\n    import other_missing\n"
            "with contextlib.suppress(ModuleNotFoundError):\n    import pygments\n"
            "if True:\n    import conditional_missing\n"
            "try:\n    import guarded_by_oserror_missing\nexcept OSError:\n    pass\n"
        ),
    })
    assert findings(tmp_path / "m.py") == [("VC503", 13, "guarded_by_oserror_missing")]


def test_dependency_helpers() -> None:
    assert normalize("Foo_Bar.baz") == "foo-bar-baz"
    assert requirement_name("requests[socks]>=2.0; python_version > '3'") == "requests"
    assert requirement_name("git+https://example.invalid/x.git#egg=My_Pkg") == "my-pkg"
    assert {"pyjwt", "pyyaml", "opencv-python", "beautifulsoup4", "pillow", "scikit-learn", "python-dotenv"} <= (
        candidate_distributions("jwt") | candidate_distributions("yaml") | candidate_distributions("cv2")
        | candidate_distributions("bs4") | candidate_distributions("PIL") | candidate_distributions("sklearn")
        | candidate_distributions("dotenv"))
    assert "pymongo" in candidate_distributions("bson")
    assert "google-cloud-storage" in candidate_distributions("google.cloud.storage")
    assert find_root(Path(__file__)) == Path(__file__).resolve().parents[2]
    assert project_dependencies(None).declares is False


def test_declared_names_answer_before_installed_metadata_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading every installed distribution's metadata costs a one-file hook 25 ms: a module whose declared
    distribution its name gives (by the tables or convention) is answered without it; one that only the installed
    metadata ties to a declared distribution is still found through it."""
    write(tmp_path, {"pyproject.toml": '[project]\nname = "app"\ndependencies = ["flask", "PyJWT", "Odd-Dist"]\n'})
    project = project_dependencies(tmp_path)
    reads: list[str] = []

    def installed() -> dict[str, list[str]]:
        reads.append("metadata")
        return {"odd_module": ["Odd-Dist"]}

    monkeypatch.setattr(dependencies, "_packages_distributions", installed)
    assert project.provides("flask", "flask.views") and project.provides("jwt")
    assert reads == []
    assert project.provides("odd_module") and reads
    assert not project.provides("other_module")


def test_well_known_packages_are_undeclared_not_unknown(tmp_path: Path) -> None:
    write(tmp_path / "bare", {".git/HEAD": "", "app.py": "import requests\nimport numpy as np\n"})
    write(tmp_path / "declared", {
        "requirements.txt": "google-cloud-storage\nflask\n",
        "app.py": "from google.cloud import storage\nimport flask\nimport requests\nfrom src.app import main\n",
        "src/app/__init__.py": "",
    })
    assert findings(tmp_path / "bare/app.py") == []
    assert findings(tmp_path / "declared/app.py") == [("VC504", 3, "requests")]


def test_a_known_namespace_alone_is_real_and_an_invented_package_in_it_is_not(tmp_path: Path) -> None:
    write(tmp_path, {".git/HEAD": "", "requirements.txt": "gspread\n",
                     "sheets.py": "import google\n", "invented.py": "import google.sheets_turbo\n"})
    assert findings(tmp_path / "sheets.py") == []
    assert findings(tmp_path / "invented.py") == [("VC503", 1, "google.sheets_turbo")]


def test_malformed_declarations_do_not_crash(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": 'tool = "oops"\n[project]\nname = 3\ndependencies = "not-a-list"\n',
        "requirements.txt": "-r missing.txt\n-r requirements.txt\n",
        "setup.py": "this is not python(\n",
        "m.py": "import pygments\n",
    })
    assert findings(tmp_path / "m.py") == [("VC504", 1, "pygments")]


def test_declared_variants_and_namespaces_cover_their_import_names(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "svc"\ndependencies = ["pydantic-ai-slim[openai]>=1", "opentelemetry-api",'
                          ' "psycopg2-binary", "acme-widgets-slim"]\n[project.optional-dependencies]\n'
                          'otel = ["opentelemetry-exporter-otlp-proto-http"]\n',
        "svc.py": "import pydantic_ai\nfrom opentelemetry import trace\n"
                  "from opentelemetry.exporter.otlp.proto.http import trace_exporter\nimport psycopg2\n"
                  "import acme_widgets\nimport acme_widgetz\n",
    })
    assert findings(tmp_path / "svc.py") == [("VC503", 6, "acme_widgetz")]


def test_a_django_apps_distribution_covers_the_module_without_the_framework_prefix(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["django-treebeard>=4", "django-extra-views",'
                          ' "django-phonenumber-field"]\n',
        "shop.py": "from treebeard.mp_tree import MP_Node\nfrom extra_views import ModelFormSetView\n"
                   "from phonenumber_field.modelfields import PhoneNumberField\nimport haystack\n",
    })
    assert findings(tmp_path / "shop.py") == [("VC503", 4, "haystack")]


def test_a_plugins_distribution_covers_the_module_that_drops_its_prefix_and_hyphens(tmp_path: Path) -> None:
    """`django-classy-tags` ships `classytags`; a module that only shares a word with it is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "cms"\ndependencies = ["django-classy-tags>=0.7", "flask-http-auth",'
                          ' "flask-sqlalchemy"]\n',
        "cms.py": "from classytags.core import Tag\nimport httpauth\nimport classy\nimport tags\nimport sqlalchemy\n",
    })
    # (the framework a one-word plugin extends is not declared by it: `sqlalchemy` beside `flask-sqlalchemy`)
    assert [(code, line) for code, line, _ in findings(tmp_path / "cms.py")] == [("VC503", 3), ("VC503", 4), ("VC504", 5)]


def test_an_ecosystems_distribution_covers_the_module_that_drops_its_first_word_and_hyphens(tmp_path: Path) -> None:
    """`graphql-schema-diff` ships `schemadiff`, as a framework plugin does; a one-word tail (`google-auth`'s `auth`)
    or one word of the tail (`diff`) is no module it ships."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "svc"\ndependencies = ["graphql-schema-diff>=1.2", "google-auth"]\n',
        "svc.py": "from schemadiff import diff_schemas\nimport auth\nimport diff\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "svc.py")] == [("VC503", 2), ("VC503", 3)]


def test_an_organisations_distribution_covers_the_one_long_distinct_word_it_ships(tmp_path: Path) -> None:
    """`codex-africanus` ships `africanus`; a generic long tail (`acme-services`' `services`) and a framework plugin's
    (`flask-security`'s `security`) are no module those ship, and are still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "spi"\ndependencies = ["codex-africanus[complete]", "acme-services", '
                          '"flask-security"]\n',
        "spi.py": "from africanus.rime import phase_delay\nimport services\nimport security\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "spi.py")] == [("VC503", 2), ("VC503", 3)]


def test_a_fork_that_keeps_its_originals_import_name_provides_it(tmp_path: Path) -> None:
    """Pyrogram's forks (`pyrotgfork`, `pyroblack`, `kurigram`) install `pyrogram`; a project that declares none of
    them imports a real package it does not declare (VC504, not an invented one)."""
    write(tmp_path, {
        "bot/pyproject.toml": '[project]\nname = "bot"\ndependencies = ["pyrotgfork", "tgcrypto"]\n',
        "bot/bot.py": "from pyrogram import Client\nfrom pyrogram.types import Message\n",
        "other/pyproject.toml": '[project]\nname = "other"\ndependencies = ["tgcrypto"]\n',
        "other/bot.py": "from pyrogram import Client\n",
    })
    assert findings(tmp_path / "bot/bot.py") == []
    assert findings(tmp_path / "other/bot.py") == [("VC504", 1, "pyrogram")]


def test_an_unpacked_wheels_metadata_declares_its_requirements(tmp_path: Path) -> None:
    """An unpacked wheel has no project file: its `<name>.dist-info/METADATA` says what it requires, in PKG-INFO's
    format. A `.dist-info` folder without METADATA declares nothing, and an import nothing declares is still unknown."""
    write(tmp_path, {
        "wheel/slack_tools/__init__.py": "",
        "wheel/slack_tools/chat.py": "from arcade_mcp_server import tool\nimport shade_helpers\n",
        "wheel/slack_tools-2.5.1.dist-info/METADATA": "Metadata-Version: 2.4\nName: slack-tools\n"
                                                      "Requires-Dist: arcade-mcp-server<2,>=1.17\n\nA description.\n",
        "bare/slack_tools/__init__.py": "",
        "bare/slack_tools/chat.py": "from arcade_mcp_server import tool\n",
        "bare/slack_tools-2.5.1.dist-info/RECORD": "",
    })
    assert findings(tmp_path / "wheel/slack_tools/chat.py") == [("VC503", 2, "shade_helpers")]
    assert findings(tmp_path / "bare/slack_tools/chat.py") == [("VC503", 1, "arcade_mcp_server")]


def test_a_plugins_distribution_covers_the_module_without_its_major_version(tmp_path: Path) -> None:
    """`django-mfa2` ships `mfa`; `django-s3` names no version (its `s` is no module), nor does a bare `requests2`."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "otp-api"\ndependencies = ["django-mfa2", "django-s3", "requests2"]\n',
        "api.py": "from mfa.models import User_Keys\nimport s\nimport requests\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "api.py")] == [("VC503", 2), ("VC504", 3)]


def test_alembic_comes_with_flask_migrate_and_apache_distributions_ship_their_module(tmp_path: Path) -> None:
    """Superset declares Flask-Migrate (whose migration scripts are Alembic's) and `apache-superset-core`; Werkzeug,
    which Flask only installs, is still undeclared, and Flask-Babel, which it does not, exists (VC504, not VC503)."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "superset"\ndependencies = ["flask", "flask-migrate", "flask-appbuilder",'
                          ' "apache-superset-core"]\n',
        "views.py": "from alembic import op\nfrom superset_core.api import models\nimport superset_cor\n"
                    "from werkzeug.exceptions import NotFound\nfrom flask_babel import gettext\n",
    })
    assert findings(tmp_path / "views.py") == [("VC503", 3, "superset_cor"), ("VC504", 4, "werkzeug.exceptions"),
                                               ("VC504", 5, "flask_babel")]


def test_distributions_named_apart_from_their_module_in_the_known_table(tmp_path: Path) -> None:
    """Label Studio declares `drf-flex-fields` and `launchdarkly-server-sdk`, pretix `libsass`: each ships a module of
    another name; a look-alike of one is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "ls"\ndependencies = ["drf-flex-fields", "launchdarkly-server-sdk",'
                          ' "libsass"]\n',
        "app.py": "from rest_flex_fields import FlexFieldsModelSerializer\nimport ldclient\nimport sass\n"
                  "import rest_flex_fieldz\n",
    })
    assert findings(tmp_path / "app.py") == [("VC503", 4, "rest_flex_fieldz")]


def test_modules_named_apart_from_their_distribution_or_installed_by_a_declared_front_end(tmp_path: Path) -> None:
    """Mailman declares `atpublic` (module `public`) and `authheaders` (which signs through dkimpy's `dkim`), OctoPrint
    `Flask-Assets` (webassets' bundles), Calibre-Web `Flask-Dance` (oauthlib's token errors); pywin32's service modules
    are known but undeclared, and a look-alike of one is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "lists"\ndependencies = ["atpublic", "authheaders", "flask-assets",'
                          ' "flask-dance"]\n',
        "app.py": "from public import public\nfrom dkim import DKIMException\nfrom webassets import Bundle\n"
                  "from oauthlib.oauth2 import TokenExpiredError\nimport win32serviceutil\nimport publik\n",
    })
    assert findings(tmp_path / "app.py") == [("VC503", 6, "publik"), ("VC504", 5, "win32serviceutil")]


def test_setup_py_grows_its_requirements_under_a_platform_test(tmp_path: Path) -> None:
    """Buildbot's `setup.py` appends `pywin32` to `setup_args["install_requires"]` on Windows only."""
    write(tmp_path, {
        "setup.py": "import sys\nfrom setuptools import setup\nsetup_args = {'install_requires': ['twisted']}\n"
                    "if sys.platform == 'win32':\n    setup_args['install_requires'].append('pywin32')\n"
                    "    other = []\n    other.append('pyserial')\nsetup(**setup_args)\n",
        "service.py": "import win32serviceutil\nimport twisted\nimport serial\n",
    })
    assert findings(tmp_path / "service.py") == [("VC504", 3, "serial")]


def test_a_folder_of_requirement_files_declares_the_test_dependencies(tmp_path: Path) -> None:
    """django-cms keeps its test requirements in `test_requirements/requirements_base.txt`."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "cms"\ndependencies = ["django"]\n',
        "test_requirements/requirements_base.txt": "-e .\niptools\ndj-database-url\n",
        "cms/tests/test_toolbar.py": "import iptools\nimport dj_database_url\nimport iptoolz\n",
    })
    assert findings(tmp_path / "cms/tests/test_toolbar.py", is_test_file=True) == [("VC503", 3, "iptoolz")]


def test_agent_frameworks_named_apart_from_their_import_are_declared(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "bot"\ndependencies = ["openai-agents>=0.1", "ag2>=0.4", "strands-agents",'
                          ' "google-adk"]\n',
        "bot.py": "from agents import Agent\nimport autogen\nimport autogenn\nfrom strands import tool\n"
                  "from google.adk.agents import Agent as AdkAgent\n",
    })
    assert findings(tmp_path / "bot.py") == [("VC503", 3, "autogenn")]


def test_forks_and_lite_builds_named_apart_from_their_module_are_declared(tmp_path: Path) -> None:
    """`libpass` (passlib's maintained fork) ships `passlib` and `phonenumberslite` ships `phonenumbers`; Flask's own
    dependencies imported directly (blinker) are still undeclared."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "sec"\ndependencies = ["Flask>=3", "libpass>=1.9", "phonenumberslite"]\n',
        "sec.py": "import click\nimport blinker\nimport phonenumbers\nfrom passlib.context import CryptContext\n"
                  "import pygments\n",
    })
    assert findings(tmp_path / "sec.py") == [("VC504", 1, "click"), ("VC504", 2, "blinker"), ("VC504", 5, "pygments")]


def test_extras_and_hard_dependencies_of_declared_packages_count_as_declared(tmp_path: Path) -> None:
    write(tmp_path, {
        "PKG-INFO": 'Metadata-Version: 2.1\nName: worker\nRequires-Dist: kombu[sqlalchemy, yaml]; extra == "sql"\n'
                    'Requires-Dist: gevent>=1.5; extra == "gevent"\n',
        "setup.py": "from setuptools import setup\nsetup(extras_require=extras_require())\n",
        "requirements/docs.txt": "Sphinx>=7\n",
        "worker.py": "import sqlalchemy\nimport yaml\nimport greenlet\nimport docutils\nimport pygments\n"
                     "import greenlet_turbo\n",
    })
    assert findings(tmp_path / "worker.py") == [("VC503", 6, "greenlet_turbo"), ("VC504", 5, "pygments")]


def test_an_sdist_egg_info_requires_txt_declares_what_setup_py_reads_from_elsewhere(tmp_path: Path) -> None:
    """flask-restx's `setup.py` builds `install_requires` from `requirements/install.pip`; its sdist ships the result in
    `flask_restx.egg-info/requires.txt` (also under `src/`), extras under `[name]` headers."""
    setup = "from setuptools import setup\nsetup(install_requires=pip('install'))\n"
    write(tmp_path / "flat", {
        "setup.py": setup,
        "restx.egg-info/requires.txt": "aniso8601>=0.82\nFlask!=2.0.0,>=0.8\n\n[dev]\nblack\n",
        "restx/api.py": "import aniso8601\nimport flask\nimport black\nimport pygments\nimport aniso_missing\n",
    })
    assert findings(tmp_path / "flat/restx/api.py") == [("VC503", 5, "aniso_missing"), ("VC504", 4, "pygments")]
    write(tmp_path / "src", {"setup.py": setup, "src/restx.egg-info/requires.txt": "Flask\n",
                             "src/restx/api.py": "import flask\nimport pygments\n"})
    assert findings(tmp_path / "src/src/restx/api.py") == [("VC504", 2, "pygments")]


def test_without_a_project_file_the_own_package_is_local(tmp_path: Path) -> None:
    """No pyproject.toml, setup.py or repository: `from app.runner import run` in `app/main.py` is the app's own."""
    source = "from app.runner import run\nimport app_missing_pkg\n"
    write(tmp_path / "namespace", {"app/runner.py": "", "app/main.py": source})
    write(tmp_path / "package", {"app/__init__.py": "", "app/jobs/__init__.py": "", "app/runner.py": "",
                                 "app/jobs/main.py": source})
    assert find_root(tmp_path / "namespace/app/main.py") is None
    assert findings(tmp_path / "namespace/app/main.py") == [("VC503", 2, "app_missing_pkg")]
    assert findings(tmp_path / "package/app/jobs/main.py") == [("VC503", 2, "app_missing_pkg")]
    # a folder without `__init__.py` inside the package (a namespace sub-package: mitmproxy's `test/` in its wheel)
    write(tmp_path / "nested", {"app/__init__.py": "", "app/runner.py": "", "app/test/helpers.py": source})
    assert findings(tmp_path / "nested/app/test/helpers.py") == [("VC503", 2, "app_missing_pkg")]
    # namespace sub-packages nested deeper (open-webui's `open_webui/retrieval/web/`), and the same folders under no
    # package at all, where `app` is nobody's neighbour
    write(tmp_path / "deep", {"app/__init__.py": "", "app/runner.py": "", "app/retrieval/web/main.py": source})
    assert findings(tmp_path / "deep/app/retrieval/web/main.py") == [("VC503", 2, "app_missing_pkg")]
    write(tmp_path / "loose", {"app/runner.py": "", "app/retrieval/web/main.py": source})
    assert findings(tmp_path / "loose/app/retrieval/web/main.py") == [("VC503", 1, "app.runner"),
                                                                       ("VC503", 2, "app_missing_pkg")]


@pytest.mark.parametrize(("typing_spelling", "widgets_spelling"), [
    ("typing_extensions", "fancy_widgets"), ("typing-extensions", "Fancy-Widgets"), ("Typing.Extensions", "fancy.widgets"),
])
def test_the_distribution_named_does_not_depend_on_the_installers_spelling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typing_spelling: str, widgets_spelling: str) -> None:
    """Installers write a distribution's name in different spellings; the message names one, wherever it runs."""
    installed = {"typing_extensions": (typing_spelling,), "fancy_widgets": (widgets_spelling,)}
    monkeypatch.setattr(undeclared_dependency, "installed_distributions", lambda top_level: installed.get(top_level, ()))
    write(tmp_path, {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["click"]\n',
                     "app.py": "import typing_extensions\nimport fancy_widgets\n"})
    result = check_file(str(tmp_path / "app.py"), (tmp_path / "app.py").read_bytes(), [(UndeclaredDependency, None)])
    assert sorted(f.message.split("`")[3] for f in result.findings) == ["fancy-widgets", "typing-extensions"]


@pytest.mark.parametrize(("declared", "reported"), [
    ('"click"', ["jaraco.functools", "protobuf", "zope.interface"]),
    ('"click", "Zope.Interface", "jaraco-functools", "protobuf"', []),
    ('"twisted", "protobuf"', ["jaraco.functools"]),
])
def test_a_namespace_package_is_named_by_its_distribution(tmp_path: Path, declared: str, reported: list[str]) -> None:
    """`zope.interface` and `jaraco.functools` are distributions of the `zope` and `jaraco` namespaces, named by their
    dotted module; `google.protobuf` is `protobuf`. Declared (in any spelling), or pulled in by what the project
    declares (Twisted requires zope.interface), they are not reported."""
    source = "from zope.interface import implementer\nimport jaraco.functools\nfrom google.protobuf import json_format\n"
    write(tmp_path, {"pyproject.toml": f'[project]\nname = "x"\ndependencies = [{declared}]\n', "app.py": source})
    result = check_file(str(tmp_path / "app.py"), (tmp_path / "app.py").read_bytes(), [(UndeclaredDependency, None)])
    assert sorted(f.message.split("`")[3] for f in result.findings) == reported


def test_extras_of_a_requirement_and_runtimes_it_installs_are_declared(tmp_path: Path) -> None:
    """`kombu[sqlalchemy]` installs SQLAlchemy and `gevent` installs greenlet: a project declaring them (also in an
    extra) declares those imports; a library merely installed next to a declared one (pygments) is not."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "worker"\ndependencies = ["requests[socks, security]>=2"]\n'
                          '[project.optional-dependencies]\nsqlalchemy = ["kombu[sqlalchemy]"]\ngevent = ["gevent"]\n',
        "worker.py": "import sqlalchemy\nimport socks\nfrom greenlet import GreenletExit\nimport pygments\n",
    })
    assert findings(tmp_path / "worker.py") == [("VC504", 4, "pygments")]


def test_sdk_extras_pull_in_the_modules_their_clients_expose(tmp_path: Path) -> None:
    """mistralai 3.8.0 and voyageai 0.5.0 (PyPI sample 21): an extra declaring aioboto3 installs botocore (its
    `ClientError`), gcloud-aio-storage installs aiohttp (the session its client takes), transformers installs
    huggingface_hub (`hf_hub_download`). Without those, the same imports are undeclared."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "sdk"\ndependencies = []\n[project.optional-dependencies]\n'
                          's3 = ["aioboto3>=12"]\ngcs = ["gcloud-aio-storage>=9"]\nlocal = ["transformers>=4"]\n',
        "storage.py": "from botocore.exceptions import ClientError\nimport aiohttp\nimport huggingface_hub\n",
    })
    assert findings(tmp_path / "storage.py") == []
    bare = tmp_path / "bare"
    write(bare, {"pyproject.toml": '[project]\nname = "sdk"\ndependencies = ["requests"]\n',
                 "storage.py": (tmp_path / "storage.py").read_text(encoding="utf-8")})
    assert findings(bare / "storage.py") == [("VC504", 1, "botocore.exceptions"), ("VC504", 2, "aiohttp"),
                                             ("VC504", 3, "huggingface_hub")]


def test_the_mcp_stack_and_an_extras_family_distribution_are_declared(tmp_path: Path) -> None:
    """A tool server declaring `fastmcp` (or `mcp`) takes pydantic models, Starlette requests and anyio streams in its
    API, and FastMCP re-exports `mcp.types`; `psycopg[pool]` installs `psycopg-pool`; GitPython raises gitdb's errors.
    What no declared package installs is still undeclared (numpy), and an unknown name still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "server"\ndependencies = ["fastmcp>=2", "psycopg[binary,pool]", '
                          '"gitpython"]\n',
        "server.py": "from mcp.types import TextContent\nfrom pydantic import Field\nfrom starlette.requests import "
                     "Request\nimport anyio\nfrom psycopg_pool import AsyncConnectionPool\nfrom gitdb.exc import "
                     "ODBError\nimport numpy\nimport psycopg_turbo\n",
    })
    assert findings(tmp_path / "server.py") == [("VC503", 8, "psycopg_turbo"), ("VC504", 7, "numpy")]


def test_a_module_the_file_imports_under_except_import_error_is_checked_once(tmp_path: Path) -> None:
    write(tmp_path, {
        "requirements.txt": "flask\n",
        "backend.py": "try:\n    import MySQLdb\nexcept ImportError as error:\n    raise RuntimeError('install it') from error\n"
                      "from MySQLdb.constants import FIELD_TYPE\nimport pymysql\n",
    })
    assert findings(tmp_path / "backend.py") == [("VC504", 6, "pymysql")]


def test_tox_factor_deps_runtime_modules_and_renamed_distributions_are_declared(tmp_path: Path) -> None:
    """`full: pycares<5` in tox.ini declares pycares; Pyodide's `js` comes with the runtime; `PyDispatcher` ships
    `pydispatch`; `aiohttp` always installs `yarl`. A name none of them provides is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "crawler"\ndependencies = ["aiohttp", "PyDispatcher>=2"]\n',
        "tox.ini": "[testenv]\ndeps =\n    full: pycares<5\n    py3{11,12}-!pypy: twisted\n"
                   "    docs: -r{toxinidir}/requirements/docs.txt\n",
        "requirements/docs.txt": "Sphinx>=7\n",
        "crawler.py": "import pycares\nimport twisted\nimport docutils\nimport js\nfrom pyodide.ffi import to_js\n"
                      "from pydispatch import dispatcher\nimport yarl\nimport pycares_turbo\n",
    })
    assert findings(tmp_path / "crawler.py") == [("VC503", 8, "pycares_turbo")]


def test_renamed_distributions_are_declared_and_well_known_transitive_ones_undeclared(tmp_path: Path) -> None:
    """`griffelib` is griffe's library, so declaring it declares `griffe`. Flask's signals need blinker and gradio
    ships its client as `gradio_client`: imported directly without being declared, they are undeclared dependencies
    of packages that exist (VC504), not invented names (VC503). An invented name is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "ui"\ndependencies = ["flask>=3", "griffelib>=2"]\n'
                          '[project.optional-dependencies]\ngradio = ["gradio>=5"]\n',
        "ui.py": "from blinker import Namespace\nimport griffe\nfrom gradio_client import Client\nimport blinker_signals\n",
    })
    assert findings(tmp_path / "ui.py") == [("VC503", 4, "blinker_signals"), ("VC504", 1, "blinker"),
                                            ("VC504", 3, "gradio_client")]


def test_the_host_of_an_entry_point_group_the_project_joins_is_declared(tmp_path: Path) -> None:
    """`[project.entry-points."paste.server_runner"]`: paste loads the module it names, so `paste.deploy` is there
    when that module runs. A group is no declaration of anything else."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "server"\ndependencies = []\n'
                          '[project.entry-points."paste.server_runner"]\nmain = "server.pasterapp:serve"\n'
                          '[project.entry-points.console_scripts]\nserver = "server:run"\n',
        "server/__init__.py": "",
        "server/pasterapp.py": "from paste.deploy import loadapp\nimport pastel_widgets\n",
    })
    assert findings(tmp_path / "server/pasterapp.py") == [("VC503", 2, "pastel_widgets")]


def test_a_group_named_with_its_plugin_interface_version_names_its_host(tmp_path: Path) -> None:
    """`[project.entry-points.pyinstaller40]` (b2sdk's hook folder) and `pytest11`: PyInstaller and pytest load the
    hooks and plugins these groups name, so a hook's `from PyInstaller.utils.hooks import ...` runs inside PyInstaller.
    The number names no other package: a name that merely starts the same way is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "store"\ndependencies = []\n'
                          '[project.entry-points.pyinstaller40]\nhook-dirs = "store._pyinstaller:get_hook_dirs"\n'
                          '[project.entry-points.pytest11]\nstore = "store.plugin"\n',
        "store/__init__.py": "",
        "store/_pyinstaller/hook-store.py": "from PyInstaller.utils.hooks import copy_metadata\nimport pyinstaller_tools\n",
        "store/plugin.py": "import pytest\nimport pytest_magic_fixtures\n",
    })
    assert findings(tmp_path / "store/_pyinstaller/hook-store.py") == [("VC503", 2, "pyinstaller_tools")]
    assert findings(tmp_path / "store/plugin.py") == [("VC503", 2, "pytest_magic_fixtures")]


def test_a_maintainers_fork_ships_the_module_its_words_name(tmp_path: Path) -> None:
    """`panzi-json-logic` (a fork published under its maintainer's name) ships `json_logic`, the words after the first
    joined with underscores, as `graphql-schema-diff` ships `schemadiff`. One word of the tail alone is no module."""
    write(tmp_path, {
        "requirements.txt": "panzi-json-logic\n",
        "rules.py": "from json_logic.builtins import BUILTINS\nimport logic_rules\nimport json_rules\n",
    })
    assert findings(tmp_path / "rules.py") == [("VC503", 2, "logic_rules"), ("VC503", 3, "json_rules")]


def test_webob_and_venusian_come_with_pyramid(tmp_path: Path) -> None:
    """Pyramid's requests are WebOb's and its decorators are venusian's: a Pyramid app (kinto's vendored cornice)
    imports both without declaring them. Without Pyramid they are undeclared."""
    write(tmp_path / "api", {
        "pyproject.toml": '[project]\nname = "api"\ndependencies = ["pyramid>=2"]\n',
        "service.py": "import venusian\nfrom webob.multidict import MultiDict\nimport webob_helpers\n",
    })
    write(tmp_path / "bare", {
        "pyproject.toml": '[project]\nname = "bare"\ndependencies = ["flask"]\n',
        "service.py": "import venusian\nimport webob\n",
    })
    assert findings(tmp_path / "api" / "service.py") == [("VC503", 3, "webob_helpers")]
    assert [(code, line) for code, line, _ in findings(tmp_path / "bare" / "service.py")] == [("VC504", 1), ("VC504", 2)]


def test_urllib3_comes_with_requests(tmp_path: Path) -> None:
    """`requests` is built on urllib3 and takes its `Retry` in `HTTPAdapter`: declaring requests declares urllib3."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "client"\ndependencies = ["requests>=2"]\n',
        "client.py": "from urllib3.util import Retry\nimport certifi\n",
    })
    assert findings(tmp_path / "client.py") == [("VC504", 2, "certifi")]


def test_plugin_and_python3_spellings_and_what_frameworks_install_are_declared(tmp_path: Path) -> None:
    """`python3-openid` ships `openid`, `sqlalchemy-citext` ships `citext`, `wtf-peewee` ships `wtfpeewee`; Django
    installs `asgiref`, FastAPI `pydantic`, python3-saml `xmlsec` and `lxml`. Names none of them ships are unknown,
    and a framework's runtime imported without the framework is undeclared."""
    write(tmp_path / "site", {
        "pyproject.toml": '[project]\nname = "site"\ndependencies = ["python3-openid", "django", "fastapi"]\n'
                          '[project.optional-dependencies]\nsql = ["sqlalchemy-citext"]\npeewee = ["wtf-peewee"]\n'
                          'saml = ["python3-saml"]\n',
        "site.py": "from openid.consumer import consumer\nimport citext\nfrom wtfpeewee.orm import model_form\n"
                   "from asgiref.sync import sync_to_async\nimport pydantic\nimport xmlsec\nfrom lxml import etree\n"
                   "import webtest\nimport openidx\nimport peewee_forms\n",
    })
    write(tmp_path / "tool", {"pyproject.toml": '[project]\nname = "tool"\ndependencies = ["click"]\n',
                              "tool.py": "from asgiref.sync import async_to_sync\nimport pydantic\nimport citext\n"})
    assert findings(tmp_path / "site/site.py") == [("VC503", 9, "openidx"), ("VC503", 10, "peewee_forms"),
                                                   ("VC504", 8, "webtest")]
    assert findings(tmp_path / "tool/tool.py") == [("VC503", 3, "citext"), ("VC504", 1, "asgiref.sync"),
                                                   ("VC504", 2, "pydantic")]


def test_host_applications_renamed_bots_pulled_in_google_auth_and_core_namespaces_are_declared(tmp_path: Path) -> None:
    """An Odoo addon or Frappe app runs inside its host, which it cannot declare; stubs import `_typeshed`;
    `pyTelegramBotAPI` ships `telebot`; `gspread` always installs `google-auth`; `ab_core`, the core package of
    the `ab-*` family, ships with `ab-database`, `playhouse` with `peewee`, `pyee` with `pyppeteer`. The core of a
    family nobody declares, and a Google package that `gspread` does not install, are still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "bot"\ndependencies = ["pyTelegramBotAPI", "gspread", "ab-database", '
                          '"peewee", "pyppeteer"]\n',
        "bot.py": "from odoo import models\nimport frappe\nfrom _typeshed import Incomplete\n"
                  "from telebot.async_telebot import AsyncTeleBot\nfrom google.auth.transport.requests import Request\n"
                  "from google.oauth2 import service_account\nfrom ab_core.database.session import db\n"
                  "from playhouse.migrate import migrate\nfrom pyee import EventEmitter\n",
        "other.py": "from acme_core.invented import thing\nfrom google.cloud import vision\n",
    })
    assert findings(tmp_path / "bot.py") == []
    assert findings(tmp_path / "other.py") == [("VC503", 1, "acme_core.invented"), ("VC503", 2, "google.cloud")]


def test_an_apache_handlers_mod_python_and_pywin32s_sspi_are_known(tmp_path: Path) -> None:
    """CherryPy 18.10's mod_python adapter imports `mod_python`, which only Apache's embedded interpreter has; asyncssh
    2.24's Windows GSSAPI imports `sspi` and `sspicon` from the `pywin32` its extra declares. A near name stays unknown,
    and `sspi` without `pywin32` declared is undeclared."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "srv"\ndependencies = []\n[project.optional-dependencies]\n'
                          'win = ["pywin32"]\n',
        "srv.py": "from mod_python import apache\nfrom sspi import ClientAuth\nfrom sspicon import ISC_REQ_DELEGATE\n"
                  "import mod_pythons\n",
        "bare/pyproject.toml": '[project]\nname = "bare"\ndependencies = []\n',
        "bare/gss.py": "from sspi import ClientAuth\n",
    })
    assert findings(tmp_path / "srv.py") == [("VC503", 4, "mod_pythons")]
    assert findings(tmp_path / "bare/gss.py") == [("VC504", 1, "sspi")]


def test_apps_beside_a_django_manage_py_in_a_sub_folder_are_local(tmp_path: Path) -> None:
    """`backend/manage.py` runs from `backend/`, so its apps import as `accounts`; a folder without one is no root."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["django"]\n',
        "backend/manage.py": "",
        "backend/accounts/__init__.py": "",
        "backend/accounts/models.py": "",
        "tools/helpers/__init__.py": "",
        "tests/test_accounts.py": "from accounts.models import User\nfrom helpers import make_user\n",
    })
    assert findings(tmp_path / "tests/test_accounts.py", is_test_file=True) == [("VC503", 2, "helpers")]


def test_wagtails_modelcluster_libclouds_storage_and_uuid7s_module_are_declared(tmp_path: Path) -> None:
    """Wagtail installs django-modelcluster, sqlalchemy-file installs apache-libcloud, python-quickbooks installs
    intuit-oauth, and the `uuid7` distribution ships `uuid_extensions`; `pyperclip` and `ipykernel` are real packages
    the project does not declare (VC504, not VC503)."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "blog"\ndependencies = ["wagtail>=5", "sqlalchemy-file", "uuid7", '
                          '"python-quickbooks"]\n',
        "blog.py": "from modelcluster.contrib.taggit import ClusterTaggableManager\n"
                   "from libcloud.storage.types import ObjectDoesNotExistError\nfrom uuid_extensions import uuid7str\n"
                   "import pyperclip\nfrom intuitlib.client import AuthClient\nfrom ipykernel.kernelspec import install\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "blog.py")] == [("VC504", 4), ("VC504", 6)]


def test_c_bindings_constraint_types_odbc_and_pylints_ast_come_with_what_is_declared(tmp_path: Path) -> None:
    """pydantic hands out annotated-types' constraints, asyncodbc pyodbc's connections, pylint astroid's nodes,
    llama-index-workflows ships `workflows` and reports through llama-index-instrumentation: declared through them;
    cffi, which cryptography merely uses, is a real package the project does not declare (VC504, not VC503); without
    them, an import of a name like theirs is judged as before."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "orm"\ndependencies = ["cryptography", "pydantic", "asyncodbc", '
                          '"llama-index-workflows"]\n[dependency-groups]\ndev = ["pylint"]\n',
        "orm.py": "import cffi\nfrom annotated_types import MaxLen\nimport pyodbc\nfrom astroid import nodes\n"
                  "from workflows.events import Event\nfrom llama_index_instrumentation import get_dispatcher\n",
        "other/pyproject.toml": '[project]\nname = "other"\ndependencies = []\n',
        "other/orm.py": "import cffi\nimport pyodbc_fast\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "orm.py")] == [("VC504", 1)]
    assert [(code, line) for code, line, _ in findings(tmp_path / "other" / "orm.py")] == [("VC503", 2), ("VC504", 1)]


def test_a_module_named_for_the_package_it_adapts_and_a_short_name_as_a_word(tmp_path: Path) -> None:
    """peewee's `playhouse/apsw_ext.py` imports apsw and `sqlcipher_ext.py` sqlcipher3, ansible's `_debugpy.py` debugpy:
    optional integrations named for their package. A short package name counts as one word of a function's name
    (`_use_rsa_signer`), never inside one (`conversation` holds no `rsa`); a module named otherwise, or for another
    package, is judged as before."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "orm"\ndependencies = []\n',
        "orm/apsw_ext.py": "import apsw\nimport apswx_helpers\n",
        "orm/sqlcipher_ext.py": "from sqlcipher3 import dbapi2\n",
        "orm/_debugger.py": "def run():\n    import debugger\n",
        "orm/_debugger_tools.py": "def run():\n    import debugger\n",
        "orm/apsw_tools.py": "import apsw\n",
        "orm/signing.py": "def _use_rsa_signer():\n    import rsa\n\n\ndef conversation():\n    import rsa_helpers\n",
    })
    root = tmp_path / "orm"
    assert findings(root / "apsw_ext.py") == [("VC503", 2, "apswx_helpers")]
    assert findings(root / "sqlcipher_ext.py") == []
    assert findings(root / "_debugger.py") == []
    assert findings(root / "_debugger_tools.py") == [("VC503", 2, "debugger")]
    assert findings(root / "apsw_tools.py") == [("VC503", 1, "apsw")]
    assert findings(root / "signing.py") == [("VC503", 6, "rsa_helpers")]


def test_private_modules_renamed_distributions_and_what_langchain_and_httpx_ws_bring(tmp_path: Path) -> None:
    """argon2-cffi imports `_argon2_cffi_bindings`, the private module of the argon2-cffi-bindings it declares; cattrs
    ships `cattr`, django-contrib-comments `django_comments`, nvidia-ml-py `pynvml`, BentoML's fork kantoku `circus`;
    langchain-core brings LangSmith and LangChain's protocol types, httpx-ws wsproto. Without those declarations the
    same imports are real packages left undeclared (VC504), and a private name no declaration explains is unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "lib"\ndependencies = ["argon2-cffi-bindings", "cattrs", '
                          '"django-contrib-comments", "nvidia-ml-py", "kantoku", "langchain-core", "httpx-ws"]\n',
        "lib.py": "from _argon2_cffi_bindings import ffi\nimport cattr\nfrom django_comments.models import Comment\n"
                  "import pynvml\nfrom circus.watcher import Watcher\nimport langsmith\n"
                  "from langchain_protocol.protocol import MessagesData\nfrom wsproto.utilities import LocalProtocolError\n"
                  "import _argon2_cffi_helpers\n",
        "other/pyproject.toml": '[project]\nname = "other"\ndependencies = ["httpx"]\n',
        "other/app.py": "import cattr\nimport pynvml\nfrom circus.watcher import Watcher\nimport pyparsing\nimport uvloop\n"
                        "import wsproto\nimport langsmith\n",
    })
    assert findings(tmp_path / "lib.py") == [("VC503", 9, "_argon2_cffi_helpers")]
    assert [(code, line) for code, line, _ in findings(tmp_path / "other" / "app.py")] == [
        ("VC504", line) for line in range(1, 8)]


def test_an_extras_distribution_named_apart_from_its_module(tmp_path: Path) -> None:
    """django-querysetsequence ships `queryset_sequence`: django-autocomplete-light 5.0.0 declares it in its `gfk`
    extra and imports it in three packages (PyPI sample 22, 6 false VC503 highs). Undeclared it is a real package
    left undeclared (VC504); a name beside it no table knows is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "dal"\n[project.optional-dependencies]\n'
                          'gfk = ["django-querysetsequence>=0.11"]\n',
        "dal/fields.py": "from queryset_sequence import QuerySetSequence\nimport queryset_sequences\n",
        "other/pyproject.toml": '[project]\nname = "other"\ndependencies = ["django"]\n',
        "other/views.py": "from queryset_sequence import QuerySetSequence\n",
    })
    assert findings(tmp_path / "dal/fields.py") == [("VC503", 2, "queryset_sequences")]
    assert findings(tmp_path / "other/views.py") == [("VC504", 1, "queryset_sequence")]


def test_a_packages_contrib_modules_are_optional_integrations(tmp_path: Path) -> None:
    """huey's `contrib/djhuey` imports Django, `contrib/flask_admin` flask-peewee, `contrib/valkey_glide.py`
    `glide_sync`: integrations a user installs with the framework they use. A `contrib` folder at the project's root
    is no package's, and the package's other modules are judged as before."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "taskq"\ndependencies = ["redis"]\n',
        "taskq/__init__.py": "",
        "taskq/contrib/__init__.py": "",
        "taskq/contrib/djtaskq/models.py": "from django.db import models\nfrom flask_peewee_panel import Panel\n",
        "taskq/contrib/valkey_glide.py": "from glide_sync import GlideClient\n",
        "taskq/storage.py": "from django.db import models\nfrom flask_peewee_panel import Panel\n",
        "contrib/tools.py": "from flask_peewee_panel import Panel\n",
    })
    assert findings(tmp_path / "taskq/contrib/djtaskq/models.py") == []
    assert findings(tmp_path / "taskq/contrib/valkey_glide.py") == []
    assert findings(tmp_path / "taskq/storage.py") == [("VC503", 2, "flask_peewee_panel"), ("VC504", 1, "django.db")]
    assert findings(tmp_path / "contrib/tools.py") == [("VC503", 1, "flask_peewee_panel")]



def test_a_packages_adapter_and_integrations_modules_are_optional_integrations(tmp_path: Path) -> None:
    """slack-bolt's `adapter/aws_lambda/` imports AWS Chalice, sentry-sdk's `integrations/` Celery: frameworks a user
    installs with the integration. An application's `adapters` layer, and the package's other modules, are judged."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "boltish"\ndependencies = ["requests"]\n',
        "boltish/__init__.py": "",
        "boltish/adapter/aws_lambda/chalice_handler.py": "from chalice_like.app import Request\n",
        "boltish/integrations/celery_hooks.py": "from celery_like import signals\n",
        "boltish/adapters/db.py": "from celery_like import signals\n",
        "boltish/core.py": "from chalice_like.app import Request\n",
    })
    assert findings(tmp_path / "boltish/adapter/aws_lambda/chalice_handler.py") == []
    assert findings(tmp_path / "boltish/integrations/celery_hooks.py") == []
    assert findings(tmp_path / "boltish/adapters/db.py") == [("VC503", 1, "celery_like")]
    assert findings(tmp_path / "boltish/core.py") == [("VC503", 1, "chalice_like.app")]


def test_modules_vendored_in_a_packages_vendor_folder_are_local(tmp_path: Path) -> None:
    """poetry-core puts `poetry/core/_vendor` on `sys.path` and imports `packaging` and `lark` from there; a module no
    `_vendor` folder holds, and one in a folder merely named `vendored`, are judged as before."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "poetry-core"\ndependencies = []\n',
        "src/poetry/core/__init__.py": "",
        "src/poetry/core/_vendor/lark/__init__.py": "",
        "src/poetry/core/_vendor/packaging/__init__.py": "",
        "src/poetry/core/_vendor/fastjsonschema/__init__.py": "",
        "src/poetry/core/vendored/larkish/__init__.py": "",
        "src/poetry/core/version/parser.py": "from lark import Lark\nfrom packaging.utils import canonicalize_name\n"
                                             "import fastjsonschema\nimport larkish\nimport pyparsing\n",
    })
    assert findings(tmp_path / "src/poetry/core/version/parser.py") == [("VC503", 4, "larkish"), ("VC504", 5, "pyparsing")]


def test_modules_of_a_folder_a_conftest_puts_on_sys_path_are_local(tmp_path: Path) -> None:
    """rocketry's `test/conftest.py` appends `test/helpers` to `sys.path`, and its tests import `task_helpers` from there
    (PyPI sample 22, 3 false VC503 highs). A module in a folder no conftest appends, or in one only a comment or
    another module names, is judged as before."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "rocketry"\ndependencies = []\n',
        "rocketry/__init__.py": "",
        "rocketry/test/__init__.py": "",
        "rocketry/test/conftest.py": "import os\nimport sys\n\n# the support folder is not on the path\n"
                                     "sys.path.append(os.path.join(os.path.dirname(__file__), 'helpers'))\n",
        "rocketry/test/helpers/task_helpers.py": "",
        "rocketry/test/support/support_helpers.py": "",
        "rocketry/test/other.py": "import sys\nsys.path.insert(0, 'extras')\n",
        "rocketry/test/extras/extra_helpers.py": "",
        "rocketry/test/task/test_run.py": "from task_helpers import wait_till_task_finish\nimport support_helpers\n"
                                          "import extra_helpers\n",
    })
    assert findings(tmp_path / "rocketry/test/task/test_run.py", is_test_file=True) == [
        ("VC503", 2, "support_helpers"), ("VC503", 3, "extra_helpers")]


def test_an_import_that_waives_pylints_import_error_is_optional(tmp_path: Path) -> None:
    """nautobot imports its version-control plugin where the plugin is installed, each line waiving pylint's
    import-error (also on the first line of a parenthesized import); Datadog's `ddtrace` is real (VC504). An unwaived
    import of the same name, or one that waives another check, is judged as before."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "netapp"\ndependencies = ["django"]\n',
        "signals.py": "from vc_plugin.constants import MAIN  # pylint: disable=import-error\n"
                      "from vc_plugin.utils import (  # pylint: disable=import-error\n    active_branch,\n)\n"
                      "import vc_tools  # noqa: E0401\n",
        "branching.py": "from vc_plugin.utils import active_branch  # pylint: disable=unused-import\nimport ddtrace\n",
    })
    assert findings(tmp_path / "signals.py") == []
    assert findings(tmp_path / "branching.py") == [("VC503", 1, "vc_plugin.utils"), ("VC504", 2, "ddtrace")]


def test_a_versioned_distribution_vertex_ai_and_real_sdks(tmp_path: Path) -> None:
    """pybars4 ships `pybars`, google-cloud-aiplatform `vertexai`; Dapr's SDKs, msal-extensions and PyAV are real
    (VC504). psycopg2 does not provide psycopg 3, nor boto3 the old boto: those stay undeclared."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "kernel"\ndependencies = ["pybars4", "google-cloud-aiplatform", '
                          '"psycopg2", "boto3"]\n',
        "kernel.py": "from pybars import Compiler\nimport vertexai\nfrom dapr.actor import Actor\n"
                     "from flask_dapr.actor import DaprActor\nfrom msal_extensions import FilePersistence\n"
                     "from av.audio.frame import AudioFrame\nimport psycopg\nimport boto\nimport pybarsx\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "kernel.py")] == [
        ("VC503", 9), ("VC504", 3), ("VC504", 4), ("VC504", 5), ("VC504", 6), ("VC504", 7), ("VC504", 8)]


def test_a_folder_is_a_local_module_when_it_or_a_package_one_level_down_holds_python(tmp_path: Path) -> None:
    """`src/` imported as `src.app` (a package one level down); a folder of data files is no module, nor one whose
    `__init__.py` is a folder."""
    (tmp_path / "src" / "app").mkdir(parents=True)
    (tmp_path / "src" / "app" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "locale" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locale" / "LC_MESSAGES" / "django.mo").write_bytes(b"\0")
    (tmp_path / "odd" / "inner" / "__init__.py").mkdir(parents=True)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "run.py").write_text("", encoding="utf-8")
    listings.forget()
    dependencies.module_names_in.cache_clear()
    assert dependencies.module_names_in(tmp_path) == {"src", "scripts"}


def test_pydantic_under_django_ninja_and_llama_index_and_zope_interface_under_twisted(tmp_path: Path) -> None:
    """django-ninja's schemas, LlamaIndex's, AutoGen's and LangChain's components and the OpenAI SDK's types are
    pydantic models, aiobotocore's clients are
    botocore's (raising its ClientError), and Twisted's endpoints and plugins are declared with zope.interface: a
    project declaring them declares those. A module Twisted (attrs) or aiobotocore (urllib3) merely uses, or pydantic
    in a project declaring neither, is still undeclared."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "api"\ndependencies = ["django-ninja>=1", "twisted[tls]>=22.4"]\n',
        "api.py": "from pydantic import BaseModel\nfrom zope.interface import implementer\nimport attr\n",
        "reader/pyproject.toml": '[project]\nname = "reader"\ndependencies = ["llama-index-core>=0.13"]\n',
        "reader/reader.py": "from pydantic import Field\n",
        "agents/pyproject.toml": '[project]\nname = "agents"\ndependencies = ["autogen-core==0.7.5"]\n',
        "agents/team.py": "from pydantic import BaseModel\n",
        "chain/pyproject.toml": '[project]\nname = "chain"\ndependencies = ["langchain-core>=1", "openai>=2"]\n',
        "chain/chat.py": "from pydantic import BaseModel, Field\nimport typing_extensions\n",
        "storage/pyproject.toml": '[project]\nname = "storage"\ndependencies = ["aiobotocore>=2.19"]\n',
        "storage/core.py": "from botocore.exceptions import ClientError\nimport urllib3\n",
        "bare/pyproject.toml": '[project]\nname = "bare"\ndependencies = ["django"]\n',
        "bare/api.py": "from pydantic import BaseModel\nfrom zope.interface import implementer\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "api.py")] == [("VC504", 3)]
    assert findings(tmp_path / "reader" / "reader.py") == []
    assert findings(tmp_path / "agents" / "team.py") == []
    assert [(code, line) for code, line, _ in findings(tmp_path / "chain" / "chat.py")] == [("VC504", 2)]
    assert [(code, line) for code, line, _ in findings(tmp_path / "storage" / "core.py")] == [("VC504", 2)]
    assert [(code, line) for code, line, _ in findings(tmp_path / "bare" / "api.py")] == [("VC504", 1), ("VC504", 2)]


def test_a_python_3_port_ships_the_module_without_its_suffix(tmp_path: Path) -> None:
    """newspaper3k ships `newspaper` (pdfminer3k `pdfminer`): declared; isodate is a real package (undeclared, VC504);
    a module named like the port with something else appended is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "reader"\ndependencies = ["newspaper3k>=0.2.8", "pdfminer3k"]\n',
        "reader.py": "import newspaper\nfrom pdfminer.pdfparser import PDFParser\nimport isodate\nimport newspaperx\n",
    })
    assert [(code, line) for code, line, _ in findings(tmp_path / "reader.py")] == [("VC503", 4), ("VC504", 3)]


def test_ninja_under_django_ninja_extra_and_fusepys_fuse(tmp_path: Path) -> None:
    """django-ninja-extra is built on django-ninja (its users import `ninja`'s Router and Schema), and fusepy ships
    `fuse`, also when an extra declares it: declared through them; `ninja` in a project declaring neither is a real
    package (VC504, not VC503), and a module named like it with something appended is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "jwt-auth"\ndependencies = ["django-ninja-extra>=0.30"]\n'
                          '[project.optional-dependencies]\nmount = ["fusepy"]\n',
        "auth.py": "from ninja import Schema\nfrom ninja.router import Router\nfrom fuse import FUSE\n",
        "bare/pyproject.toml": '[project]\nname = "bare"\ndependencies = ["django"]\n',
        "bare/api.py": "from ninja import Router\nimport fuse\nimport ninjax\n",
    })
    assert findings(tmp_path / "auth.py") == []
    assert [(code, line) for code, line, _ in findings(tmp_path / "bare" / "api.py")] == [
        ("VC503", 3), ("VC504", 1), ("VC504", 2)]


def test_a_module_an_installed_package_does_not_hold_is_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "env" / "lib" / "site-packages"
    write(site, {
        "fancysdk/__init__.py": "from .client import Client\n",
        "fancysdk/client.py": "class Client: ...\n",
        "fancysdk/tools/__init__.py": "",
        "fancysdk/fast.cpython-312-x86_64-linux-gnu.so": "",
        "lazysdk/__init__.py": "import sys\nsys.modules[__name__ + '.compat'] = sys.modules[__name__]\n",
    })
    write(tmp_path / "checkout", {"editable/__init__.py": ""})
    write(tmp_path / "app", {
        "pyproject.toml": '[project]\nname = "app"\ndependencies = ["fancysdk", "lazysdk", "editable"]\n',
        "main.py": ("import fancysdk\nfrom fancysdk.tooling import Runner\nfrom fancysdk.client import Client\n"
                    "import fancysdk.tools\nimport fancysdk.fast\nfrom fancysdk.client.retry import policy\n"
                    "import fancysdk.tools.agents.loop\nfrom lazysdk.compat import x\nfrom editable.nothing import y\n"),
    })
    monkeypatch.syspath_prepend(str(tmp_path / "checkout"))
    monkeypatch.syspath_prepend(str(site))
    dependencies.missing_submodule.cache_clear()
    try:
        # a module the package's folder lacks, also below a sub-package; not a module's attribute, a package whose
        # `__init__` makes its own modules, or a package outside a site folder (an editable checkout)
        assert [(code, line, name) for code, line, name in findings(tmp_path / "app" / "main.py")] == [
            ("VC503", 2, "fancysdk.tooling"), ("VC503", 7, "fancysdk.tools.agents")]
    finally:
        dependencies.missing_submodule.cache_clear()


def test_urllib3_future_protocol_engines_and_componentize_py_bindings_are_provided(tmp_path: Path) -> None:
    """niquests declares `urllib3.future`, which always installs h11 and jh2 (its HTTP/1.1 and HTTP/2 engines); its
    WASI adapter imports the bindings componentize-py generates into the component (`wit_world`,
    `componentize_py_types`). Without urllib3.future, h11 is an undeclared dependency; an invented name beside the
    generated ones is still unknown."""
    write(tmp_path, {
        "pyproject.toml": '[project]\nname = "niq"\ndependencies = ["urllib3.future>=2.13,<3"]\n',
        "help.py": "import h11\nimport jh2\n",
        "wasi.py": "import wit_world\nfrom wit_world.imports.streams import StreamError_Closed\n"
                   "from componentize_py_types import Err, Ok\nimport componentize_py_async_support\n"
                   "import componentize_py_helpers\n",
        "other/pyproject.toml": '[project]\nname = "other"\ndependencies = ["urllib3"]\n',
        "other/client.py": "import h11\nimport jh2\n",
    })
    assert findings(tmp_path / "help.py") == []
    assert findings(tmp_path / "wasi.py") == [("VC503", 5, "componentize_py_helpers")]
    assert findings(tmp_path / "other/client.py") == [("VC504", 1, "h11"), ("VC504", 2, "jh2")]


def test_the_sql_magics_import_name_is_shipped_by_ipython_sql_and_its_fork(tmp_path: Path) -> None:
    """`import sql.parse` (an IPython extension reusing the `%sql` magic) is ipython-sql's or jupysql's: declared, it is
    covered; undeclared, it is a real package the project does not declare (VC504), not an invented one."""
    write(tmp_path, {
        "magic/pyproject.toml": '[project]\nname = "magic"\ndependencies = ["jupysql"]\n',
        "magic/magic.py": "import sql.parse\nimport sql.connection\n",
        "cli/pyproject.toml": '[project]\nname = "cli"\ndependencies = ["sqlparse"]\n',
        "cli/magic.py": "import sqlparse\nimport sql.parse\n",
    })
    assert findings(tmp_path / "magic/magic.py") == []
    assert findings(tmp_path / "cli/magic.py") == [("VC504", 2, "sql.parse")]


def test_a_backend_named_for_a_requested_extra_defers_the_extras_import(tmp_path: Path) -> None:
    """django-import-export 4.4.6 declares `xls = ["tablib[xls]"]` and imports xlrd inside `class XLS`'s method:
    only tablib's metadata says that extra installs xlrd, and the class named for the extra is its backend. Poetry's
    `tablib = {version = "*", extras = ["xls"]}` asks for the same extra. The import at the top of the module, one in a
    function named for no requested extra, one in a backend of a catch-all extra (`all`) and one named for an extra
    nobody asks for (`xlsx` here) are still judged."""
    backend = ("import numpy\n\n\nclass XLS:\n    def load(self, data):\n        import xlrd\n        return xlrd\n\n\n"
               "class XLSX:\n    def load(self, data):\n        import openpyxl\n        return openpyxl\n\n\n"
               "def export_all(rows):\n    import pandas\n    return pandas\n")
    write(tmp_path / "pep621", {
        "pyproject.toml": '[project]\nname = "exporter"\ndependencies = ["tablib"]\n'
                          '[project.optional-dependencies]\nxls = ["tablib[xls]"]\nall = ["tablib[all]"]\n',
        "formats.py": backend,
    })
    write(tmp_path / "poetry", {
        "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\ntablib = {version = "*", extras = ["xls"]}\n'
                          'ffmpeg-python = {version = "*", optional = true}\n'
                          '[tool.poetry.extras]\nvideo = ["ffmpeg-python"]\n',
        "formats.py": backend,
    })
    write(tmp_path / "bare", {"pyproject.toml": '[project]\nname = "exporter"\ndependencies = ["tablib"]\n',
                              "formats.py": backend})
    expected = [("VC504", 1, "numpy"), ("VC504", 12, "openpyxl"), ("VC504", 17, "pandas")]
    assert findings(tmp_path / "pep621/formats.py") == expected
    assert findings(tmp_path / "poetry/formats.py") == expected
    assert findings(tmp_path / "bare/formats.py") == [("VC504", 1, "numpy"), ("VC504", 6, "xlrd"), *expected[1:]]
    assert project_dependencies(tmp_path / "poetry").requested_extras == frozenset({"xls"})


def test_poetry_optional_dependencies_and_a_requirements_extras_are_declared(tmp_path: Path) -> None:
    """voyageai 0.5.0's Poetry table: an `optional = true` dependency (named by an extra) and one listed per Python
    version are declared; `requests = {version = "*", extras = ["socks"]}` installs PySocks as `requests[socks]` does.
    An import no entry declares is still reported, and one under `try`/`except ImportError` is not."""
    write(tmp_path, {
        "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.9"\npandas = {version = "*", optional = true}\n'
                          'numpy = [\n  {version = "*", python = "<3.13"},\n  {version = ">=2.1", python = ">=3.13"}\n]\n'
                          'requests = {version = "*", extras = ["socks"]}\n[tool.poetry.extras]\ndata = ["pandas"]\n',
        "app.py": "import pandas\nimport numpy\nimport socks\ntry:\n    import scipy\nexcept ImportError:\n"
                  "    scipy = None\nimport yaml\n",
    })
    assert findings(tmp_path / "app.py") == [("VC504", 8, "yaml")]
