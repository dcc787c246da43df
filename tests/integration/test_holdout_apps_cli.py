"""The held-out agent-style apps in `examples/holdout-apps/`, through the command line as a user runs it.

Each pitfall carries `# expect: CODE` on the line before it (`A/B`: either code counts; `A, B`: both are expected;
marks heading a file are for its first line), each legitimate look-alike `# ok: CODE` (`A/B`: none of them may
fire). The run must report exactly the expected lines, but for the gaps listed below, each with the reason it is
left open; a gap that closes fails the test, so that its entry is removed. The rules about untested code are left
out (they report every function of an app without tests) but in the apps whose marks name one of them.
`benchmarks/holdout_recall.py` prints the same as recall and false alarms per rule.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.holdout_recall import Where, read_marks

from tests.conftest import REPO_ROOT

APPS = REPO_ROOT / "examples" / "holdout-apps"
# (app, path, line, code) of the marks vibecheck does not honour yet.
KNOWN_MISSES: set[tuple[str, str, int, str]] = {
    # A narrow `except AmountError: continue` that drops a statement entry without a word: VC101 judges broad handlers
    # only, and a handler that names the failure it expects is the author's decision about that failure.
    ("clean_data_lib", "src/ledgerkit/importers.py", 54, "VC101"),
    # Model output parsed into a Pydantic model (`Triage.model_validate_json(...)`), returned to a handler and handed to
    # a function that writes to a path built from one of its `str` fields: a class built from the answer is taken as
    # validated, whatever the types of its fields.
    ("clean_llm_service", "assistant/llm.py", 87, "VC401/VC417"),
    # VC404 leaves the context a function named for it builds (`def insecure_context(): ...`): callers ask for it by
    # name, as libraries' opt-outs do; this app never calls it.
    ("quart_media", "media/app.py", 24, "VC404"),
    # `assert resp.status_code in (200, 403, 404) or resp`: the fallback is a response object, truthy whatever it holds,
    # which no rule can tell from a value that may be empty.
    ("drf_projects", "projects/tests/test_api.py", 44, "VC304"),
    # `perform_create` saves a task on whatever project id the client sends: the serializer's foreign key is the
    # lookup, and nothing in view says the project must be the caller's.
    ("drf_projects", "projects/views.py", 71, "VC214/VC215"),
    # A Lambda handler merges the whole body over the stored DynamoDB item with a dict's `update(body)` before
    # `put_item`: VC215 reads client data unpacked into a write (`**body`) or copied key by key, not a dict merged
    # whole; and the attribute a DynamoDB `Attr(field)` filter reads, chosen by the client, is no query text VC422
    # follows.
    ("aws_serverless", "functions/documents.py", 49, "VC215"),
    ("aws_serverless", "api/app.py", 98, "VC422"),
    # AWS's documented example key pair (`AKIAIOSFODNN7EXAMPLE`): VC403 leaves known example values alone.
    ("aws_serverless", "functions/common.py", 16, "VC403"),
    # gRPC servicer methods are authenticated by interceptors registered on the server elsewhere; no handler model of
    # them says who the caller is, so an account read by the request's id has nothing to be compared with.
    ("grpc_ledger", "ledger/service.py", 26, "VC214"),
    ("grpc_ledger", "ledger/service.py", 48, "VC214"),
    # `STORAGE_SECRET = "..."`: "storage" marks a secret's store (`secret_storage`) in VC203's vocabulary, and the
    # value reaches `ui.run(storage_secret=...)` in another module.
    ("nicegui_ops", "ops/settings.py", 8, "VC203"),
    # A security policy's `permits` that grants one permission (`if permission == "admin": return True`) and asks the
    # ACL for the others: VC212 judges checks that pass as a whole.
    ("pyramid_invoices", "invoices/security.py", 50, "VC212"),
    # Marking an invoice paid: "mark" is no privileged verb in VC218's list (it marks read, done, spam...).
    ("pyramid_invoices", "invoices/views/invoices.py", 69, "VC218"),
    # A websocket that reads its user from an unverified token (VC202's finding) has no guard for VC214 to see.
    ("strawberry_shop", "shop/main.py", 69, "VC214"),
    # Kicking someone out of a room: "kick" is no privileged verb in VC218's list (it kicks off jobs and builds too).
    ("socketio_chat", "chat/events.py", 88, "VC218"),
    # A dependency that returns the tenant a header names (`x_tenant_id`) instead of the caller's: no privilege word
    # and no condition, and every route then scopes its queries to the client's choice.
    ("sqlmodel_layers", "app/deps.py", 31, "VC207/VC217"),
    # An aiohttp session handed in as a parameter (`ping_search_engines(session, url)`): whether the caller gave it a
    # timeout is out of view, and reporting every request on a session parameter would flag the many that have one.
    ("async_crawler", "crawlkit/sitemap.py", 47, "VC106"),
    # Assertions in a loop over `crawler.seen`, followed by `assert stats` of the run: VC311 reports a test whose every
    # assertion is in the loop, and a truth check outside it (VC310's miss below) is one more assertion.
    ("async_crawler", "tests/test_crawler.py", 52, "VC311"),
    # A bare `assert x` on the answer of a function not named for data (`crawler.run()`, `free_space(...)`,
    # `write_note(...)`, `train(...).model`): VC310 reads the callee's verb to tell data from a yes or no (`assert
    # client.login(...)`), and these names say neither; their return types are in modules the test file imports.
    ("async_crawler", "tests/test_crawler.py", 55, "VC310"),
    ("sftp_sync", "tests/test_local.py", 50, "VC310"),
    ("sklearn_registry", "tests/test_train.py", 23, "VC310"),
    ("telegram_assistant", "tests/test_tools.py", 28, "VC310"),
    # A test that builds a real `Crawler`, replaces one of its methods with an `AsyncMock` and asserts what the mock
    # answers: project code runs (the constructor), and VC308 reports tests where none does.
    ("async_crawler", "tests/test_crawler.py", 78, "VC308"),
    # `# TODO: merge duplicates by email once the partner fixes their export` over `return customers`: a TODO that
    # names what it waits for reads as a known limitation, which VC502 leaves alone; no comment admits a stand-in.
    ("duckdb_pipeline", "salesetl/transform.py", 28, "VC502"),
    # A documented module-level function whose body only returns `{}`, with no placeholder comment: VC501 reports
    # a constant answer only under one, since hooks and defaults (`def extra_context(request): return {}`) look alike.
    ("sklearn_registry", "churnmodel/train.py", 94, "VC501"),
    # `assert m == m` in `test_money_equality`: a test named for equality exercises the class's own `__eq__`
    # (reflexivity, as attrs and Django test it), and whether `Money` defines one or is a plain dataclass is out of view.
    ("money_utils", "tests/test_money.py", 71, "VC304"),
    # The same request made twice and its status codes compared: two calls of the code under test may answer
    # differently, and idempotence tests (`client.put(...)` twice) compare exactly this way.
    ("drf_bookmarks", "tests/test_api.py", 90, "VC304"),
    # A Chainlit command's CSV path handed to a helper that reads it with `pd.read_csv`: pandas readers take a path, a
    # URL or an uploaded file object alike, and client data reaching them is most often the upload itself.
    ("chainlit_rag", "app.py", 54, "VC405"),
    # `except Exception: pass` around persisting the index in `@cl.on_chat_end async def end()`: a function named for
    # tearing down, whose clean-up VC101 lets fail quietly (closing must not fail its caller).
    ("chainlit_rag", "app.py", 117, "VC101"),
    # `result.stdout == result.stdout` on an object the test built: an attribute read twice may be a property that
    # computes each read, so VC304 reports a value compared with itself only for names, mock records and imports.
    ("code_interpreter", "tests/test_sandbox.py", 48, "VC304"),
    # `assert resp.json()["incidents"]`: the key read fails on an error body, so the test is not blind to a failed
    # request, though it checks only that the list is not empty.
    ("langgraph_incident", "tests/test_api.py", 27, "VC310"),
    # Model answers written into an HTML report file by a command-line tool: no view returns it, and the answers reach
    # the f-string as fields of dicts another module builds.
    ("prompt_evals", "evals/report.py", 18, "VC401/VC427"),
    # `exec(answer + "\n" + tests)` in a HumanEval-style scorer no code of the project calls: the parameter is named
    # for a model's answer, but nothing in view hands it one.
    ("prompt_evals", "evals/scoring.py", 56, "VC401"),
    # `score, _ = scoring.judge(...)`, then `assert score`: "judge" names no data, and the value is one of a tuple.
    ("prompt_evals", "tests/test_scoring.py", 33, "VC310"),
    # `assert result == 1.0 or result == 0.0` on a scorer that only answers 1.0 or 0.0: a tautology only through what
    # the function can return, not in the assertion's own text.
    ("prompt_evals", "tests/test_scoring.py", 44, "VC304"),
    # Flask-AppBuilder `set_role` assigns the role the body names; its `if user is None or role is None:` tests the role
    # it assigns, which reads as a role check of the caller, so VC218 takes the handler for restricted.
    ("appbuilder_crm", "app/api.py", 79, "VC218"),
    # Django Channels: the ticket id comes from `self.scope["url_route"]["kwargs"]` in `connect`, and the frame's ids,
    # fields and `is_agent` flag reach `Message.objects...` and an `if` in methods `receive_json` hands them to; VC214,
    # VC215 and VC207 judge one handler's own body, and a consumer's methods are no views to them. The notification
    # consumer takes an anonymous caller's user id from the query string, which no rule reads as client input.
    ("channels_support", "support/consumers.py", 25, "VC214"),
    ("channels_support", "support/consumers.py", 82, "VC215"),
    ("channels_support", "support/consumers.py", 87, "VC214"),
    ("channels_support", "support/consumers.py", 92, "VC207"),
    ("channels_support", "support/consumers.py", 158, "VC207/VC216"),
    # A fixture wrapping graphene's `graphql_query` is not known as a test client, so a truthiness check on its answer
    # looks like a check of data.
    ("graphene_library", "tests/test_schema.py", 56, "VC310"),
    # Reflex: the console's auth lives in its `rx.State`, so no route of `app.api` reads as guarded (VC219 asks that other
    # routes be), and `/api/staff/reset-password` is open by design to VC201 (a reset link's path). An `rx.State` event
    # handler's arguments are client input to the flow rules, but the auth rules do not take it for a handler (VC218),
    # and its public vars (`is_admin`, `email_body`), which the browser can set, are read as the server's.
    ("reflex_admin", "admin_console/admin_console.py", 74, "VC219"),
    ("reflex_admin", "admin_console/admin_console.py", 81, "VC201"),
    ("reflex_admin", "admin_console/state.py", 77, "VC218"),
    ("reflex_admin", "admin_console/state.py", 104, "VC207"),
    ("reflex_admin", "admin_console/state.py", 126, "VC411"),
    # A great_expectations result whose failure is printed in an `if` and answered with `True`: VC104 reads `except`
    # handlers, and a validation's ignored verdict is no caught error.
    ("dagster_assets", "pipelines/checks.py", 22, "VC104"),
    # `return True` (a freshness check) and `return series` (a winsorizer that ignores its bounds) with no comment that
    # admits a placeholder: VC501 takes a constant or an echo for one only under such a comment, since a real default
    # and an unfinished stub read the same.
    ("dagster_assets", "pipelines/checks.py", 43, "VC501"),
    ("notebook_analysis", "notebooks/nb_helpers.py", 28, "VC501"),
    # A Prefect flow's `filename` parameter joined to the output folder: a deployment's run parameters are set by
    # whoever may run it, but a `@flow` is also a function its author calls, and nothing in view says it is deployed
    # (Airflow's `dag_run.conf`, a run's own input object, is client input).
    ("prefect_reports", "reports/flows.py", 89, "VC405"),
    # `assert at.markdown` on a Streamlit `AppTest`: an element list is no data function's result nor a test client's
    # response body that VC310 knows.
    ("streamlit_explorer", "tests/test_app.py", 23, "VC310"),
    # Loops over a fresh ledger's `history()` and over a mock fixture's request history sliced past its one request
    # (`requests_mock.request_history[1:]`): VC311 reports loops over what a call that selects returned (one handed
    # what to pick); a listing of everything (`Model._meta.get_fields()`, `iter_all_python_module_files()`) and a
    # fixture's attribute usually walk what the fixtures or the code made, as in Django's own tests.
    ("unittest_ledger", "tests/test_ledger.py", 97, "VC311"),
    ("weather_sdk", "tests/test_client_requests_mock.py", 37, "VC311"),
    # `assertTrue(response.context["error_message"])`: the truth of one field may be the whole check of a flag
    # (`assertTrue(resp.data["archived"])`), and nothing says this one is a message.
    ("django_polls", "polls/tests/test_views.py", 88, "VC310"),
    # `self.ledger.receive(...)` alone: another test of the file expects `receive` to raise, and VC303 reads a call that
    # returns as the check of a function that refuses by raising (a validator's test).
    ("unittest_ledger", "tests/test_ledger.py", 14, "VC303"),
    # `assertTrue(self.ledger)` on an object `setUp` built: an object may define `__bool__` or `__len__`.
    ("unittest_ledger", "tests/test_ledger.py", 24, "VC310"),
    # The patched method is called on an instance the test built for real: the class's `__init__` is project code, and
    # VC308 reports tests in which none runs.
    ("weather_sdk", "tests/test_client_requests_mock.py", 61, "VC308"),
    # Error handling, round 19. A handler that logs the traceback and answers a value the function declares
    # (`-> dict | None`, `-> bool`) is handled to VC101-VC103: whether a caller tests that answer (`if page:` does;
    # `account["currency"]` and a dropped `mark_failed(...)` flag do not) is out of view of the handler, often in
    # another module.
    ("anyio_indexer", "docindex/crawler.py", 37, "VC101/VC102/VC103"),
    ("tenacity_payouts", "payouts/ledger.py", 81, "VC101/VC102/VC103"),
    ("tenacity_payouts", "payouts/service.py", 60, "VC101/VC102/VC103"),
    # `{"error": str(exc)}` from a narrow handler says it failed: callers can test it, and an LLM tool answers its model
    # that way on purpose; telling the two apart needs the callers.
    ("tenacity_payouts", "payouts/service.py", 25, "VC103"),
    ("tenacity_payouts", "payouts/service.py", 52, "VC103"),
    # `logger.exception(...)` for each failed future: the traceback is logged, which VC101/VC102 take as handled; that
    # the run then counts every job as built is in the caller's arithmetic.
    ("futures_reports", "reportgen/pool.py", 37, "VC101/VC102"),
    # A narrow `except* TransportError` that logs at error level and exits with status 0: only broad handlers (or ones
    # that only print) are judged by what they do after the failure.
    ("anyio_indexer", "docindex/trio_runner.py", 63, "VC101/VC104"),
    # `ledger.close_batch(...)` in the `try` reads as a best-effort clean-up (a call named for closing) to VC101/VC102.
    ("tenacity_payouts", "payouts/cli.py", 54, "VC101/VC102/VC104"),
    # `anyio.run_process(..., check=False)`: a `check=False` written out is a decision VC108 trusts.
    ("anyio_indexer", "docindex/convert.py", 31, "VC108"),
    # `while not idle:` on a flag nothing sets, with a `break` on a count: the loop can end, so VC114 (loops with no way
    # out) leaves it; the flag is only dead code.
    ("stream_consumers", "clickstream/kafka_worker.py", 78, "VC114"),
    # No VC rule, by design: bandit, in the default run (this test runs without it), reports `tempfile.mktemp()` (B306),
    # `os.chmod(path, 0o777)` (B103) and the standard library's `minidom.parseString` (B318, which VC416 leaves to it).
    ("cwe_snippets", "cwe377_tempfile.py", 9, "VC405"),
    ("cwe_snippets", "cwe732_permissions.py", 12, "VC405"),
    ("cwe_snippets", "cwe611_xxe.py", 25, "VC416"),
    # `getattr(reports, name)()` with a client's name (CWE-470): it calls only what that module holds, and the same
    # dispatch by a prefixed name (`getattr(self, f"do_{action}")`) is the usual safe idiom; no rule follows it.
    ("cwe_web_snippets", "cwe094_more_code.py", 32, "VC413"),
    # Bandit's, in the default run: RC4 (`ARC4.new`, B304; VC423 is about ECB) and a Jinja `Environment(autoescape=False)`
    # rendering client text into a fixed template (B701, at the environment).
    ("cwe_spellings", "crypto_spellings.py", 29, "VC423"),
    ("cwe_spellings", "xss_frameworks.py", 35, "VC411/VC412"),
    # A custom resource's hook reaches a pod's shell through two helpers, the first of which builds the argument list
    # (`["/bin/sh", "-c", script]`) that the second passes whole to the pod exec: VC421 follows a helper's parameter
    # into a sink, not one that is a list its caller filled (as for `subprocess.run(argv)`).
    ("k8s_operator", "backup_operator/handlers.py", 38, "VC408/VC421"),
    ("k8s_operator", "backup_operator/handlers.py", 53, "VC408/VC421"),
    # A webhook body whose HMAC the view checked is taken as the sender's (GitHub's), but a pull request's branch name
    # and `comments_url` in it are the PR author's text; the build target comes from the PR's own `.ci-bot.yml`, read
    # through GitHub's API, whose answers no rule takes as client input.
    ("ci_bot", "bot/app.py", 90, "VC421"),
    ("ci_bot", "bot/app.py", 94, "VC421"),
    ("ci_bot", "bot/app.py", 97, "VC405"),
    # `POST /admin/refresh` with no guard: `refresh` is a path word open by design (a token refresh), and the `admin`
    # segment before it does not outweigh it, since `/admin/login` is open too.
    ("cloud_inventory", "inventory/web.py", 89, "VC201"),
    # A docker daemon over plain TCP (`DockerClient(base_url="tcp://...:2375", tls=False)`): no rule reads a client's
    # transport, and `tls=False` is the SDK's default, not a check switched off.
    ("docker_runner", "sandbox/engine.py", 18, "VC404/VC418"),
    # The docker SDK's calls block (`client.containers.get(...)` in an `async def` route), but the client is a module
    # attribute of another module (`engine.client`), whose type VC110/VC112 do not follow.
    ("docker_runner", "sandbox/app.py", 93, "VC110"),
    # Functions reached only by hollow tests (no assertion, an assertion that cannot fail, a swallowed failure, a check
    # under `if`, an assertion on the mock that replaced the function): VC301 counts what a test calls, checked or
    # not; the hollow test is reported where it is written (VC303/VC304/VC305/VC308/VC311), where the fix goes.
    ("hollow_suite_api", "inventory/routes.py", 49, "VC301"),
    ("hollow_suite_api", "inventory/routes.py", 58, "VC301"),
    ("hollow_suite_api", "inventory/routes.py", 69, "VC301"),
    ("hollow_suite_api", "inventory/stock.py", 22, "VC301"),
    ("hollow_suite_api", "inventory/stock.py", 27, "VC301"),
    ("hollow_suite_api", "inventory/stock.py", 32, "VC301"),
    # A method reached only through another object's call of its name: `.get(...)` on a dict or another cache class
    # in the tests, `self.remote.get(...)` in tested code whose tests hand it a mock. Not counting such names was
    # measured on the pinned projects and cost more true reach than it found (see VC301's docstring).
    ("partial_tests_cli", "notesync/store.py", 41, "VC301"),
    ("partial_tests_cli", "notesync/store.py", 49, "VC301"),
    ("src_layout_lib", "src/textkit/cache.py", 52, "VC301"),
    ("untested_payments", "payments/gateway.py", 37, "VC301"),
    # Error branches no test drives: VC309 judges them from coverage data only (which branch a test took is no static
    # fact), and these apps carry none; the trailing `raise` after an `if` chain is no branch it reads either.
    ("hollow_suite_api", "inventory/stock.py", 13, "VC309"),
    ("src_layout_lib", "src/textkit/cache.py", 45, "VC309"),
    ("src_layout_lib", "src/textkit/slug.py", 20, "VC309"),
    ("untested_payments", "payments/gateway.py", 27, "VC309"),
    ("untested_payments", "payments/ledger.py", 24, "VC309"),
    ("untested_payments", "payments/refunds.py", 23, "VC309"),
    # `eval` of a scraped page's text: the remote site's, not the client input (or command line) VC413 follows; bandit's
    # B307 reports every `eval` in the default run.
    ("scrapy_catalog", "catalog/spiders/products.py", 75, "VC413"),
    ("playwright_bot", "portalbot/login.py", 66, "VC413"),
    # A download saved under the name the remote site suggests (`download.suggested_filename`): VC405 follows client
    # input, not what a fetched page names.
    ("playwright_bot", "portalbot/login.py", 90, "VC405"),
    # A Scrapy middleware that retries by handing a copy of the request back to the engine, counting nothing: the loop
    # runs through Scrapy's scheduler, which no rule follows.
    ("scrapy_catalog", "catalog/middlewares.py", 59, "VC109"),
    # `try: pipeline.process_item(...)` / `except DropItem: pass`: the test passes when nothing is dropped, but VC305
    # judges broad handlers only, and VC303 takes the call for a check, since another test expects it to raise.
    ("scrapy_catalog", "tests/test_pipelines.py", 32, "VC305"),
    # `assert result` of `pipeline.process_item(...)`: `process` names no data (a `process_payment` may answer yes or
    # no), and VC310 counts functions named for data only.
    ("scrapy_catalog", "tests/test_pipelines.py", 54, "VC310"),
    # HTML built from crawled titles in a helper module and returned by a route in another: VC427 judges the text a
    # route builds itself, and the titles are the crawled site's, not the client input VC411 follows.
    ("sitemap_crawler", "seoaudit/report.py", 15, "VC411/VC427"),
    # An upload written to a file whose path is handed to a helper that unpacks it (members joined by hand, an
    # unfiltered `tarfile.extractall`), or parses a member with lxml's default parser: the archive's taint is followed
    # in the function that wrote the file, not through its path into another function.
    ("doc_converter", "docsvc/archive.py", 22, "VC405"),
    ("doc_converter", "docsvc/archive.py", 49, "VC405"),
    ("doc_converter", "docsvc/archive.py", 70, "VC416"),
    # `tempfile.mktemp()`: bandit's B306 in the default run, as in `cwe_snippets`.
    ("doc_converter", "docsvc/convert.py", 30, "VC405"),
    ("doc_converter", "docsvc/convert.py", 66, "VC405"),
    # A campaign body a staff member saved is compiled as a Jinja `Template` in a worker (stored template injection):
    # the text comes from a database row, and a template read into a variable is as often the project's own file.
    ("email_campaigns", "campaigns/mailer.py", 15, "VC412/VC426"),
    # A raw message whose `Reply-To:` and `Subject:` lines are written from a contact form, sent with
    # `smtplib.sendmail` in another module (e-mail header injection, CWE-93): no rule has SMTP's raw message as a sink.
    ("email_campaigns", "campaigns/mailer.py", 61, "VC409"),
    # A valid reset token for one account and the account's id from the link: the view sets the password of the id's
    # account. No caller is signed in, so nothing says whose the record must be (VC214 needs a signed-in caller).
    ("magic_links", "accounts/views.py", 38, "VC214"),
    # A provider's access and refresh tokens stored as given: VC410 keeps to users' passwords (the app must read these
    # back to call the provider; encrypting them at rest is a choice no rule can see), and the same for a 2FA user's
    # recovery codes, which the server generates rather than receives.
    ("oauth_login", "portal/oidc.py", 88, "VC410"),
    ("oauth_login", "portal/social.py", 53, "VC410"),
    ("totp_accounts", "twofa/main.py", 78, "VC410"),
    # The test enters the Flask app's request context (a call of the `app` fixture) before calling the function it
    # patched: VC308 counts any call of a project object as the project's code running.
    ("oauth_login", "tests/test_oidc.py", 52, "VC308"),
    # The dependency most routes use accepts a session that passed the password step only (`mfa_ok` never read), so a
    # client skips the code step by calling the next route: which routes need the second factor is the app's policy.
    ("totp_accounts", "twofa/deps.py", 18, "VC212"),
    # Session fixation: the login keeps the session id the request came with (`request.cookies.get("sid") or
    # token_urlsafe()`) for the signed-in session; no rule follows a server-side store's keys.
    ("totp_accounts", "twofa/main.py", 36, "VC210"),
    # `except ccxt.BaseError: pass` around order cancels: the root of one library's errors, narrow by name, and VC101
    # judges broad handlers only (as with `AmountError` above).
    ("ccxt_trader", "trader/exchange.py", 87, "VC101"),
    # A model's answer posted to Discord with the library's default mentions (or hikari's `mentions_everyone=True`)
    # may ping @everyone: a nuisance, not one of VC401's sinks (code, shell, SQL, paths, HTML, URLs), and whether it
    # can depends on the `allowed_mentions` a bot sets where it is built (another module) and on its permissions.
    ("discord_guild_bot", "guildbot/cogs/ai.py", 32, "VC401"),
    ("discord_guild_bot", "guildbot/cogs/ai.py", 53, "VC401"),
    ("hikari_moderator", "modbot/commands.py", 86, "VC401"),
    # A hikari bot's commands are looked up in a dict (`COMMANDS.get(name)`) and called with the rest of the message:
    # no decorator or registration makes them handlers (VC218), and the flow does not follow the text through a call
    # of what a dict lookup returned (VC409, VC413).
    ("hikari_moderator", "modbot/commands.py", 39, "VC218"),
    ("hikari_moderator", "modbot/commands.py", 47, "VC207/VC218"),
    ("hikari_moderator", "modbot/commands.py", 64, "VC409"),
    ("hikari_moderator", "modbot/commands.py", 97, "VC413"),
    # A raw `websockets` game server trusts the player id a frame names for a move, an attack or a kick, and a lobby
    # relays the sender a frame claims: VC207 judges conditions, VC214 database lookups and VC218 handlers of known
    # frameworks; a dict of players behind `websockets.serve(handler)` is none of them.
    ("websocket_game", "arena/server.py", 32, "VC207/VC214"),
    ("websocket_game", "arena/server.py", 38, "VC207/VC214"),
    ("websocket_game", "arena/server.py", 44, "VC218"),
    ("websocket_game", "arena/lobby.py", 51, "VC207"),
    # Round 26's benchmark prompts whose weakness no VC rule covers. Bandit's, in the default run: `tempfile.mktemp()`
    # (CWE-377, B306) and `os.chmod` to 0o777 or 0o666 (CWE-732, B103).
    ("cwe_prompts_2", "files.py", 145, "VC405/VC406"),
    ("cwe_prompts_2", "files.py", 163, "VC405"),
    ("cwe_prompts_2", "files.py", 175, "VC405"),
    # `os.access(path, os.R_OK)` before `shutil.copyfile` (CWE-367): a race needs the state between two calls, and
    # the check is what a set-uid program should not rely on; an ordinary service copying its own files is the same code.
    ("cwe_prompts_2", "files.py", 181, "VC405"),
    # `price * quantity` with a negative quantity (CWE-20): whether a number may be negative depends on the business
    # rule, which the code does not state (VC428 bounds sizes and counts from above, not prices from below).
    ("cwe_prompts_2", "network.py", 183, "VC409"),
    # Bandit's, in the default run: a Jinja `Environment` without autoescaping (CWE-79, B701).
    ("cwe_prompts_3", "scripts.py", 125, "VC411/VC412"),
    # Whole small backends written from one spec each (BaxBench style). A compiler service that builds the client's
    # C++ and then runs the binary (CWE-94): code execution through a compiler and `subprocess.run([binary])`, which
    # no rule follows from the source text to the program it becomes.
    ("spec_backends_fastapi", "compiler.py", 69, "VC413"),
    # A tool's stderr answered to the client (`HTTPException(500, detail=proc.stderr.decode())`, CWE-209): VC414
    # follows exceptions and tracebacks; a process's stderr is also the answer some services exist for (a compiler's
    # errors), and nothing in the code says which.
    ("spec_backends_fastapi", "pdf_concat.py", 39, "VC414"),
    ("spec_backends_flask", "image_converter.py", 42, "VC414"),
    # A GET `/ping` that fetches the client's URL with no guard while the app's other routes are guarded (CWE-918,
    # CWE-306): VC219 reads fetching routes by their names (`/proxy`, `/fetch`), and `/ping` is most often a health check.
    ("spec_backends_fastapi", "uptime_monitor.py", 127, "VC201"),
    # A signed-in caller writing the secret of the username its body names (CWE-639): VC214 follows ids of the path
    # and query to a lookup, and the caller here comes from a module helper that reads the token
    # (`current_username()`), which no rule compares with the body's user name.
    ("spec_backends_flask", "secret_storage.py", 109, "VC207/VC214"),
    # A stored profile page answered as it was uploaded (`HttpResponse(row[0], content_type="text/html")`, CWE-79):
    # the whole body is one value from the database, and a page the server wrote itself looks the same.
    ("spec_backends_other", "profile_collection.py", 66, "VC411"),
    # A buyer setting their own order's `status` from `request.data`, one field at a time: VC215 judges copies of the
    # whole body and VC217 privilege fields, and a `status` is as often the client's to set (a ticket it closes).
    ("drf_marketplace", "listings/api/views.py", 102, "VC215"),
    # A payout sent to the account id the client names (`request.data.get("destination")`): a destination is data like
    # any other field, and nothing in view says the account must be the caller's.
    ("drf_marketplace", "listings/api/views.py", 188, "VC207/VC215"),
    # An open route that returns a quiz with its answers: the answers are secret by the domain, while VC219 reads the
    # path and the handler's name for people's data, and `/quizzes/{id}/preview` names none.
    ("fastapi_courses", "courses/routers/quizzes.py", 22, "VC201/VC219"),
    # An invitation accepted by its token alone, without comparing its e-mail with the caller's or testing its expiry:
    # the token is the link holder's capability (VC201's and VC214's stance on presented credentials); the missing
    # checks are the invitation's own business rules, which no rule knows.
    ("drf_org_admin", "accounts/views.py", 104, "VC214"),
    # A fetched supplier archive unpacked by `tarfile.extractall(dest)` without a filter, and a zip's `namelist()`
    # names joined to a folder by hand: VC405 follows client-sent archives only, and this one was downloaded from a
    # bucket in another module (bandit's B202, on by default, reports the unfiltered `tarfile.extractall`).
    ("gcs_price_etl", "pricefeed/archive.py", 21, "VC405"),
    ("gcs_price_etl", "pricefeed/archive.py", 41, "VC405"),
    # An SDK client whose `merge_tickets` only raises `NotImplementedError` and whose `delete_ticket` is `pass`: a class
    # with a method that only raises reads as a base class meant to be subclassed, and nothing in its file says that
    # no subclass exists (its tests, in another file, make instances of it).
    ("helpdesk_sdk", "src/helpdesk/client.py", 74, "VC501"),
    ("helpdesk_sdk", "src/helpdesk/client.py", 78, "VC501"),
    # `--verbose` echoes the whole config as JSON, whose token another module put in it: VC407 follows values named as
    # secrets, and a config dict is named for none.
    ("shipit_cli", "shipit/cli.py", 23, "VC407"),
    # A client's checkpoint name joined into a path handed to a helper of another module that `torch.load`s it: VC405
    # follows paths into openers, and a deserialiser is no path sink.
    ("model_serving", "serving/server.py", 84, "VC405"),
    # `repr(exc)` in the `detail` of a route only administrators reach: VC414 leaves the operator's own errors alone.
    ("model_serving", "serving/server.py", 121, "VC414"),
    # `assert keep` on the function a rule compiles to, and `assert summary.count()` on a Spark frame's count: neither
    # is named for the data it makes, which VC310 needs to tell a data value from a predicate.
    ("model_serving", "tests/test_postprocess.py", 24, "VC310"),
    ("spark_sessions", "tests/test_transforms.py", 36, "VC310"),
    # A Spark `df.filter(condition)` with the client's text, in a helper: a pandas frame's `filter` selects columns by
    # name, and nothing in the helper says which library's frame it holds.
    ("spark_sessions", "sessionjob/api.py", 64, "VC417/VC422"),
    # `out.columns == out.columns` and `fn(1) == fn(1)`: an attribute read twice may run a property, and a call twice may
    # differ, so VC304 takes only a bare name compared with itself.
    ("spark_sessions", "tests/test_transforms.py", 52, "VC304"),
    ("train_sweeps", "tests/test_config.py", 23, "VC304"),
    # `assert run.called` after a call of the project's code: the assertion is weak (any arguments pass), but VC308 is
    # about tests that run no project code.
    ("train_sweeps", "tests/test_storage.py", 29, "VC308"),
    # `eval` of a string from the project's YAML config: not client input (VC413), and bandit's B307, which vibecheck
    # runs beside its rules, reports every `eval`.
    ("train_sweeps", "trainer/config.py", 24, "VC413"),
    # `return proc.returncode` of a `shell=True` run: the code is handed to the caller, which drops it in another
    # function; VC108 judges the call's own function.
    ("train_sweeps", "trainer/sweep.py", 17, "VC108"),
    # A settings module's dict with a literal password, logged from another module as `settings.SNOWFLAKE`: VC407
    # follows values named as secrets, and the dict is named for none.
    ("warehouse_loader", "loader/snow.py", 17, "VC407"),
    # SQL rendered from a Jinja model file (`_env.get_template(...).render(run_date=...)`) in a helper and executed: the
    # template's text is not in view, so nothing says the value lands inside the SQL rather than in a bound parameter.
    ("warehouse_loader", "loader/templating.py", 27, "VC402"),
    # Round 31's backends from one-paragraph specs. ffmpeg's stderr answered to the client (CWE-209): a tool's stderr,
    # as in the round-28 backends above.
    ("spec_backends_round31", "frame_extractor/app.py", 44, "VC414"),
    # A share link's id from `random.choices` (`image_id`, CWE-330): the id is the only key to the image by the spec,
    # but nothing in the code says so, and most random ids name rows that need not be unguessable.
    ("spec_backends_round31", "image_share/app.py", 35, "VC206"),
    # An image served with the content type its uploader declared, read back from the database (`FileResponse(...,
    # media_type=content_type)`, CWE-79): an `image/svg+xml` or `text/html` upload runs script; VC411 follows request
    # data into bodies, and a stored column is not followed back to the upload that wrote it.
    ("spec_backends_round31", "image_share/app.py", 79, "VC411"),
    # Stored messages pasted into HTML by a rendering function of another module that the view answers with
    # (`HttpResponse(render_messages(rows))`, CWE-79): VC427 judges the HTML a view itself builds and returns.
    ("spec_backends_round31", "message_board/render.py", 12, "VC411/VC427"),
    # A merchant deleting any ware by id through `db.delete_ware(ware_id)` of the app's own `db` module (CWE-639):
    # VC214 reads the SQL of helpers of the same module, and this one lives in another.
    ("spec_backends_round31", "shop_overview/app.py", 87, "VC214"),
    # Round 33's backends from one-paragraph specs. Any member of a chat room removing any other (CWE-285): the handler
    # checks membership, and only the spec says that managing members is the owner's.
    ("spec_backends_round33", "chat_rooms/app.py", 276, "VC218"),
    # A viewer sharing a list on (CWE-285): the role check runs (`list_role(...) is None`), only too loose, and the
    # spec's "only the owner shares" is nowhere in the code.
    ("spec_backends_round33", "shared_todos/app.py", 194, "VC214"),
    # Round 34 (authorization in multi-module apps). An expense form whose `fields` list `status`: VC215's sensitive
    # fields name approval (`approved`, `is_approved`), not a workflow `status`, which a to-do's owner sets by design.
    ("django_cbv_expenses", "expenses/views.py", 45, "VC215"),
    # A `ListView` of every expense behind a mixin whose `dispatch` lets everyone through (VC212 reports the mixin): a
    # list is no lookup by an id, and the mixin's name reads as a guard to VC219.
    ("django_cbv_expenses", "expenses/views.py", 109, "VC214/VC219"),
    # Another module's reader by id (`repositories.get_membership_by_id(db, membership_id)`) in a handler that takes
    # the caller's membership of the organisation (`membership: CurrentMembership`): VC214 reads that dependency as
    # relating the caller to what the handler touches, though the membership removed may be any organisation's (the
    # same handler taking `user: CurrentUser` is reported).
    ("fastapi_org_invites", "orgspace/routers/members.py", 57, "VC214/VC218"),
    # A viewset action closing the stale issues of every project, and a billing route setting any organisation's
    # plan, behind a login only: "close" and "plan" are no privileged verbs in VC218's list (closing one's own issue,
    # choosing one's own plan are ordinary), and the reach of the action (every project, any org) is not weighed.
    ("drf_issue_tracker", "issues/views.py", 31, "VC218"),
    ("fastapi_org_invites", "orgspace/routers/admin.py", 40, "VC218"),
    # Routes behind a project decorator that checks nothing (`@owner_only`, `@permission_required("pages.lock")`,
    # reported by VC212 where they are defined): by their names they restrict the route, so VC214 and VC218 step back.
    ("fastapi_org_invites", "orgspace/routers/admin.py", 55, "VC214/VC218"),
    ("flask_roles_wiki", "wiki/pages/routes.py", 127, "VC214/VC218"),
    # `g.is_admin = request.headers.get("X-Wiki-Role") == "admin"` in a blueprint's hook: a request-scoped flag on `g`
    # that a later route tests; VC217 reads privileges set from the body, the query and forms, not headers (an
    # authenticating proxy's `X-Forwarded-Groups` is the server's), and VC207 conditions.
    ("flask_roles_wiki", "wiki/api/routes.py", 17, "VC207/VC217"),
    # A CSV of every user's e-mail and role for anyone signed in: VC218 judges writes, VC219 routes without a login.
    ("flask_roles_wiki", "wiki/reports/routes.py", 26, "VC218/VC219"),
    # Round 35 (agent test suites and error handling). A direct call of the project whose whole effect is the mocked
    # call (`strip_metadata(path)`, then `run.assert_called_once()`; `await worker.handle(job)`, then
    # `rpush.assert_awaited()`; `notify_slack(...)`, then `post.assert_called_once()`): a weak interaction check, but
    # telling it from one that drops a value the code returns needs the callee's return, which VC308 does not follow
    # across modules (it reports the answer of a test client or CLI runner dropped).
    ("asyncio_thumbnailer", "tests/test_images.py", 22, "VC308"),
    ("asyncio_thumbnailer", "tests/test_worker.py", 53, "VC308"),
    ("django_signups", "signups/tests/test_services.py", 51, "VC308"),
    ("fastapi_reminders", "tests/test_notify.py", 66, "VC308"),
    ("measure_units", "tests/test_convert.py", 107, "VC308"),
    # `client.post(...)` dropped and only a mock's `assert_called()` checked: a test client raises the app's
    # exceptions, so VC308 takes the test as weak, not blind (it reports a CLI runner's dropped result).
    ("fastapi_reminders", "tests/test_api.py", 54, "VC308"),
    ("django_signups", "signups/tests/test_views.py", 53, "VC308"),
    # `assert worker._stopping == worker._stopping`: an attribute compared with itself may be a property that runs code
    # each time, so VC304 leaves attributes of objects it cannot see alone.
    ("asyncio_thumbnailer", "tests/test_worker.py", 117, "VC304"),
    # `result == result` in `test_convert_identity`: a test named for identity reads as one about the object's `__eq__`.
    ("measure_units", "tests/test_convert.py", 65, "VC304"),
    # A narrow `except aiohttp.ClientError` that logs an error line (no traceback) and goes on, and a narrow `except
    # OSError` that logs at debug level and skips the file: VC101 judges handlers that do nothing, and a narrow handler
    # that logs is the author's decision about that failure.
    ("asyncio_thumbnailer", "thumbs/worker.py", 76, "VC101"),
    ("click_dotsync", "dotsync/links.py", 28, "VC101"),
    # `while lock.exists:` without the call: a bound method is always true, but VC114 judges comparisons of locals,
    # and an attribute may be a property that changes.
    ("click_dotsync", "dotsync/git.py", 60, "VC114"),
    # A handler that raises `CommandError` under `if options["strict"]:` and prints otherwise: a `raise` anywhere in
    # a handler makes it propagate for the error-handling rules.
    ("django_signups", "signups/management/commands/send_reminders.py", 32, "VC104"),
    # `def export_ical(event) -> str: return ""`: a stub that answers an empty value reads as a real, empty answer.
    ("django_signups", "signups/services.py", 106, "VC501"),
    # `print(...)` then `return False` in a function that answers `True` when the webhook went out: VC104 leaves a
    # printed error answered with the failure flag to the caller (documented).
    ("fastapi_reminders", "reminders/notify.py", 46, "VC104"),
    # A loop over `x if hasattr(...) else []`: VC311 follows names bound from calls, not conditional expressions.
    ("fastapi_reminders", "tests/test_api.py", 109, "VC311"),
    # `except Exception: return None` in `try_parse_quantity(...) -> Quantity | None`: a declared optional result.
    ("measure_units", "src/measure_units/convert.py", 49, "VC101/VC102"),
    # A parametrized smoke test of `parse_quantity`, which another test of the file expects to raise: VC303 takes a
    # call of a function that refuses by raising as the check (documented).
    ("measure_units", "tests/test_convert.py", 25, "VC303"),
    # Round 36's benchmark prompts. `"{}: {}".format(type(exc).__name__, exc)` from a `ValueError` handler: VC414 takes
    # a `ValueError`'s message for one written for the client (what `raise ValueError("quantity must be positive")`
    # says), as it does in views.
    ("cwe_prompts_4", "cwe209_error_details.py", 24, "VC414"),
    # Round 37's backends written from a spec. Deleting a catalogue book with authentication only: "delete" is no
    # privileged verb in VC218's list (members delete what is theirs as often).
    ("blacksheep_library", "library/app.py", 85, "VC218"),
    # Column names taken from the body's keys in an `UPDATE ... SET {assignments}`: VC402/VC422 report the SQL text (one
    # line below); VC215 follows the client's dict into a model's setters or constructor, not into a SET list.
    ("blacksheep_library", "library/app.py", 132, "VC215"),
    # `f"... interval '{days} days'"` with `days: int`: VC402 leaves a parameter annotated as a number, although a
    # dramatiq message's arguments are not checked against the annotation.
    ("dramatiq_insights", "insights/actors.py", 111, "VC402"),
    # `return {}` after logging a model's invalid JSON, which the caller maps to the category "other": VC103 leaves a
    # handler that logs the failure, and here the empty answer is a designed fallback as often.
    ("dramatiq_insights", "insights/llm.py", 28, "VC103"),
    # Assertions in a loop over `tmp_path.iterdir()` of the folder the actor wrote to: VC311 leaves the standard
    # library's listing of the test's own input, which may be empty whenever the code under test wrote nothing.
    ("dramatiq_insights", "tests/test_actors.py", 60, "VC311"),
    # `old.unlink()` in a `try` whose broad handler continues: a deletion is a best-effort clean-up in VC101's stance.
    ("mcp_ops_console", "opsconsole/cli.py", 49, "VC101"),
    # An agent promoted by id behind `@admin_required` (whose check is the broken one VC212 reports): VC214 leaves
    # lookups behind an admin guard, and the cross-tenant reach needs the guard to be known broken.
    ("restx_helpdesk", "helpdesk/api.py", 117, "VC214"),
    # HTML built with `PAGE.format(...)` in a helper that a Robyn route returns in a `Response(..., {"Content-Type":
    # "text/html"}, ...)`: VC427/VC411 know the responses of Flask, Quart, Bottle and Django, not Robyn's.
    ("robyn_pastebin", "pastebin/render.py", 12, "VC411/VC427"),
    ("robyn_pastebin", "pastebin/render.py", 22, "VC411/VC427"),
    # `ADMIN_PASSWORD = "changeme-admin-2024"`, the live password of a Gradio page's `auth=`: a literal that asks to be
    # changed is one of VC403's documented placeholders.
    ("gradio_user_admin", "admin_app.py", 14, "VC403"),
    # A Gradio callback returning an f-string of its textbox's value into `gr.HTML()`: VC411/VC427 know the responses of
    # web frameworks, not what a Gradio event's outputs render.
    ("gradio_user_admin", "admin_app.py", 32, "VC411/VC427"),
    # `assert msg` / `assert out` on what `reset_password(...)` and `restart_service(...)` answer: VC310 reads a
    # function's name for the data it returns, and a verb of an action (reset, restart) names none.
    ("gradio_user_admin", "tests/test_admin.py", 17, "VC310"),
    ("llamaindex_ops_agent", "tests/test_agent.py", 42, "VC310"),
    # `assert admin_app.deactivate(3.0) == admin_app.deactivate(3.0)`: VC304 leaves a call compared with itself, which
    # a determinism test writes on purpose (`hash_key("abc") == hash_key("abc")`).
    ("gradio_user_admin", "tests/test_admin.py", 35, "VC304"),
    # A rotated key logged as `raw`: VC407 reads what a logged name says, and `raw` says nothing (VC206 now follows the
    # same name into `{"api_key": raw}`).
    ("ninja_billing", "billing/api.py", 96, "VC407"),
    # `api_key.key_hash == hash_key(key)`: two hashes, the presented key's and the stored one, whose leading bytes no
    # client steers: VC204's documented stance.
    ("ninja_billing", "billing/auth.py", 38, "VC204"),
    # `except json.JSONDecodeError: data = {}` before a default summary: VC101 leaves a handler that binds a fallback
    # value, which is as often the designed answer.
    ("quart_helpdesk", "llm.py", 36, "VC101"),
    # Round 39. A test module's `make_context()` installs an `abort` that raises as the mock's side effect: the raise in
    # the nested function reads as the helper checking something, so a test calling it seems to assert.
    ("grpc_vault", "tests/test_service.py", 47, "VC303"),
    # `assert result`, `assert respond.called`: VC310 reads what the asserted name says, and these say nothing of
    # being a response or a success flag.
    ("grpc_vault", "tests/test_service.py", 59, "VC310"),
    ("slack_agents_ops", "tests/test_agent.py", 55, "VC310"),
    # A retry wrapper that returns `{"error": str(last_error)}` after its last attempt, and a caller that reads
    # `resp.json()` from what the wrapper returns: the error dict carries no error-valued key VC103 knows, and VC107
    # does not follow a response through a wrapper handed the HTTP function (nor `cancel_subscription`'s).
    ("grpc_vault", "vault/scanner.py", 25, "VC103"),
    ("grpc_vault", "vault/scanner.py", 39, "VC107"),
    ("typer_tenant_admin", "tenantctl/billing.py", 51, "VC107"),
    # A membership check on the workspace or organisation in the request, then the file or project fetched by its own
    # id: VC214 takes the check for the handler's (a gRPC servicer has no handler model; the Pyramid view's
    # `require_member` call reads as a role check), not for the group the object must belong to.
    ("grpc_vault", "vault/service.py", 40, "VC214"),
    ("pyramid_orgs", "orgs/views.py", 38, "VC214"),
    # An invite looked up by its token and accepted with no expiry column anywhere: VC233 reads tokens signed or
    # stored with a lifetime argument, not a model that has none.
    ("pyramid_orgs", "orgs/views.py", 75, "VC233"),
    # A settings view answering the stored OpenAI key (`"openai_api_key": settings.openai_api_key`): VC429 leaves keys
    # and tokens answered by name (a new key is shown once on purpose), and cannot tell a stored one apart.
    ("pyramid_orgs", "orgs/views.py", 90, "VC429"),
    # A test that patches `require_org_admin` with a mock and then calls the mock through the module
    # (`views.require_org_admin(make_request(), 1)`): the argument the test module's `make_request()` builds reads as
    # code under test running, so VC308 takes the test for one that runs the app.
    ("pyramid_orgs", "tests/test_views.py", 50, "VC308"),
    # Round 40. Connexion handlers routed by an OpenAPI file's `operationId`s are routes now (`app_model/openapi.py`),
    # but a booking whose patient the client picks inside an INSERT is no lookup by id for VC214 nor a field VC217
    # reads.
    ("connexion_clinic", "clinic/appointments.py", 39, "VC214/VC217"),
    # `from anthropic.tooling import ToolRunner`: VC503 judges the top-level package, which exists; a submodule an
    # agent invented needs the package's own file list.
    ("claude_invoice_drafter", "drafter/assistant.py", 9, "VC503"),
    # `except json.JSONDecodeError: return []` on the model's line items: a narrow "nothing there" answer, the idiom
    # VC101 and VC103 leave, though the items vanish without a log line.
    ("claude_invoice_drafter", "drafter/assistant.py", 50, "VC101/VC103"),
    # `# TODO: add VAT handling for EU customers`: VC502 reports comments that admit the code is not the real thing,
    # not a plan for a feature still missing.
    ("claude_invoice_drafter", "drafter/cli.py", 20, "VC502"),
    # Round 41. `legacy_hash("abc") == legacy_hash("abc")`: a call compared with itself is how a determinism test is spelled.
    ("piccolo_storeadmin", "tests/test_views.py", 20, "VC304"),
    # `self.assertTrue(bucket)` and `assert host.services is not None`: VC310 reads what the asserted name says, and
    # neither names data a function builds.
    ("pulumi_platform", "tests/test_infra.py", 30, "VC310"),
    ("textual_opsconsole", "tests/test_shell.py", 38, "VC310"),
    # Round 42: an aiogram `/order 42` handler reading the order by the id typed after the command: VC214 judges web
    # handlers, whose signed-in caller it can see, not chat commands.
    ("aiogram_shop_bot", "shopbot/handlers.py", 30, "VC214"),
    # A test that calls the handler, then asserts what its own `AsyncMock` answers when the test awaits it.
    ("aiogram_shop_bot", "tests/test_handlers.py", 25, "VC308"),
    # An assertion under `if call.args:` in a loop over a mock's `await_args_list`: the loop's list is the mock's.
    ("aiogram_shop_bot", "tests/test_handlers.py", 37, "VC311"),
    # Round 42b: a DRF viewset over `Comment.objects.all()` behind `IsAuthorOrReadOnly` lets every signed-in user read
    # the comments of every private project's tasks; VC214 takes a read-only-words permission as public rows by
    # design, and comments of a public blog read the same.
    ("r42b_drf_api", "tracker/views.py", 70, "VC214"),
    # Round 43: a watcher's socket added to a room found in a dict by the client's id, with no membership test: VC214
    # knows lookup calls of web handlers, not a dict's `get` in a WebSocket endpoint whose caller an unverified token
    # names (no signed-in caller for it to see).
    ("ws_rooms_bot", "rooms/app.py", 107, "VC214"),
    # Round 44: a temporary password written to `password_hash` by an SQL `UPDATE` (VC410) is spelled as no rule reads.
    ("cherrypy_timesheets", "timesheets/api.py", 75, "VC410"),
    # An internal route gated by an `X-Internal-Caller` header compared in a helper (`is_internal(request)`) reads as
    # checked (VC201, VC207/VC216).
    ("nameko_payouts", "payouts/auth.py", 34, "VC207/VC216"),
    ("nameko_payouts", "payouts/service.py", 76, "VC201"),
    # Round 45: a Modal `asgi_app`'s FastAPI route reading a job by id from a `modal.Dict`, with no guard anywhere: "jobs" is no
    # path VC219 takes for people's data, and VC214 judges lookups behind a sign-in only.
    ("modal_inference", "inference/web.py", 17, "VC214/VC219"),
    # Round 46: a role from the sign-up body among an asyncpg `INSERT`'s parameters, passed as separate arguments
    # (`conn.execute(sql, name, password, role)`); a parameter tuple, as in round 44, is found.
    ("aiohttp_security_docs", "docs/handlers.py", 23, "VC217"),
    # aiohttp-security's `permits(identity, permission, context)` answering `identity is not None`: it never reads the
    # permission it is asked about, so every signed-in user holds every permission; VC212 judges checks that let
    # everyone through, not ones that ignore what they are asked.
    ("aiohttp_security_docs", "docs/policy.py", 16, "VC212"),
    # A Panel pane's markup set by assignment (`banner.object = f"...{note.value}"`): the HTML sinks are calls.
    ("panel_sales_portal", "portal/app.py", 43, "VC411/VC427"),
}
# (app, path, line, code) of the look-alikes vibecheck still reports.
KNOWN_FALSE_ALARMS: set[tuple[str, str, int, str]] = {
    # A forum thread read by id in a login-only view: every member may read it, but the same code on an invoice is
    # the pitfall, and nothing in the view tells them apart.
    ("django_forum", "forum/views.py", 30, "VC214"),
    # A URL from a GitHub webhook's body, posted to after the view checked the body's HMAC signature: the payload is
    # the sender's, but nothing tells that its `html_url` always names GitHub's own host.
    ("drf_projects", "projects/views.py", 118, "VC417"),
    # An aiohttp session without a default timeout whose every request in the file passes its own `timeout=`: VC106
    # judges the session where it is made, not the calls a helper makes on it.
    ("async_crawler", "crawlkit/sitemap.py", 31, "VC106"),
    # `joblib.load(path)` of a model the project trained and saved itself (`train.save_model`), its path chosen by the
    # operator on the command line: nothing in view says whose file it is.
    ("sklearn_registry", "churnmodel/registry.py", 59, "VC406"),
    # `except Exception: return 0.0` around `exec` of a generated solution in a pass-rate scorer: the failure is the
    # score, but the same handler hides a crash of the harness itself, and nothing tells the two apart.
    ("prompt_evals", "evals/scoring.py", 59, "VC103"),
    # `st.session_state.setdefault("role", st.query_params.get(...))` taints the whole of `st.session_state` (a container
    # holds the taint of what is stored in it, whatever the key), so the flag only the server sets after its password
    # check reads as client input too.
    ("streamlit_explorer", "explorer/pages/3_Admin.py", 35, "VC207"),
    # A test that asserts through a fixture of `conftest.py` (an `assert` after its `yield`): VC303 sees the fixtures of
    # the test's own file only.
    ("notes_cli", "tests/test_cli.py", 77, "VC303"),
    # A GitLab webhook's `payload["user"]["username"]` in a log line: GitLab allows no newline in a user name, which
    # nothing in view says.
    ("ci_bot", "bot/app.py", 123, "VC409"),
    # A password-reset request at `reset/` (`request_reset`): the open-by-design paths are spelled out
    # (`password-reset`, `forgot-password`), and a bare `reset` names an administrator's action as often.
    ("magic_links", "accounts/views.py", 20, "VC201"),
    # A course of the public catalogue read by id to enrol the caller in it: VC214's documented stance is that the
    # caller stamped on a new row (`Enrollment(student_id=user.id, ...)`) says nothing about the fetched one, and the
    # same code joining a private project is the pitfall.
    ("fastapi_courses", "courses/routers/enrollment.py", 22, "VC214"),
    ("fastapi_courses", "courses/routers/enrollment.py", 35, "VC214"),
    # An export id validated by `uuid.UUID(hex=export_id)` in a `try` whose handler raises a 404, then pasted into a
    # path: a sanitiser counts where its result is used, not where only its exception is.
    ("feature_store_api", "featureapi/app.py", 152, "VC405"),
    # A model server's public `/predict` routes (POST, no state changed): VC201 takes every unguarded POST in an app that
    # guards others as a pitfall, and nothing in view says inference is meant to be open.
    ("model_serving", "serving/server.py", 53, "VC201"),
    ("model_serving", "serving/server.py", 67, "VC201"),
    # A forum thread checked to exist before the caller replies to it: VC214's stance on rows stamped with the caller
    # (the same code posting into a chat room one is no member of is the pitfall, and nothing in the view tells them
    # apart).
    ("spec_backends_round33", "markdown_forum/app.py", 141, "VC214"),
    # The spec's ad-hoc, read-only SELECT for administrators (`text(query.sql)` behind an admin key compared with
    # `hmac.compare_digest`): nothing tells an admin's query box from client text pasted into SQL.
    ("spec_backends_round33", "sql_reports/app.py", 140, "VC422"),
    # Round 34: a view whose base `FinanceRequiredMixin` (a `UserPassesTestMixin` of `mixins.py` testing the finance
    # group) restricts it: per-file VC214 and VC218 do not read a base class defined in another module.
    ("django_cbv_expenses", "expenses/views.py", 89, "VC218"),
    ("django_cbv_expenses", "expenses/views.py", 91, "VC214"),
    # `HttpResponseRedirect(request.path)` after a form post: the path the URLconf matched, the same page; VC409 takes
    # `request.path` as the client's (a `//host` path would leave the site where a catch-all pattern routes it).
    ("django_cbv_expenses", "expenses/views.py", 158, "VC409"),
    # Round 35: an event detail and its iCal export read by id in login-only views: events are public to members,
    # the same code on a private object is the pitfall (as `django_forum`'s thread).
    ("django_signups", "signups/views.py", 44, "VC214"),
    ("django_signups", "signups/views.py", 63, "VC214"),
    # A GET health probe left open in an app whose other routes check the caller.
    ("fastapi_reminders", "reminders/main.py", 97, "VC201"),
    # A hypothesis property `try: parse_quantity(text)`, `except UnitError: return`: any other error fails it, but
    # VC303 counts only assertions, `pytest.raises` and calls the file expects to raise.
    ("measure_units", "tests/test_convert.py", 92, "VC303"),
    # Round 36: `" AND ".join(f"{key} = ${n}" for n, (key, _) in enumerate(chosen, start=1))`, where `chosen` pairs
    # allow-listed keys with the client's values: the flow follows the list as a whole, not the first item of its pairs.
    ("cwe_prompts_4", "cwe089_asyncpg_filters.py", 30, "VC422"),
    # A `POST /theme` that only sets a preference cookie on the caller's own response, in an app with no
    # authentication: VC201 counts every state-changing method, and the route's body changes no server state.
    ("cwe_prompts_4", "cwe614_cookies.py", 31, "VC201"),
    # Round 37: a pastebin's anonymous paste and import routes, open by design (as `model_serving`'s `/predict`).
    ("robyn_pastebin", "pastebin/main.py", 20, "VC201"),
    ("robyn_pastebin", "pastebin/main.py", 31, "VC201"),
    # Round 39: a protobuf integer field logged with `%s` (`request.file_id`): VC409 cannot see the message's types.
    ("grpc_vault", "vault/service.py", 77, "VC409"),
}


def marks(app: Path) -> tuple[list[tuple[Where, frozenset[str]]], list[tuple[Where, frozenset[str]]]]:
    """(expect groups, ok groups), read as the benchmark reads them."""
    found = read_marks(app)
    return found.expect, found.ok


def reported(app: Path) -> set[tuple[str, int, str]]:
    run = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json", "--no-bandit", "--no-cache"],
                         cwd=app, capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    payload = json.loads(run.stdout)
    assert payload["errors"] == []
    left_out = read_marks(app).left_out()
    return {(Path(f["path"]).as_posix(), f["start"]["line"], f["code"]) for f in payload["findings"]
            if f["code"] not in left_out}


@pytest.mark.parametrize("app", sorted(p.name for p in APPS.iterdir() if p.is_dir()))
def test_holdout_app_reports_exactly_the_marked_pitfalls(app: str) -> None:
    expect, ok = marks(APPS / app)
    found = reported(APPS / app)
    missed = {(app, *where, "/".join(sorted(codes))) for where, codes in expect
              if not any((*where, code) in found for code in codes)}
    flagged = {(app, *where, code) for where, codes in ok for code in codes if (*where, code) in found}
    unmarked = {(app, path, line, code) for path, line, code in found
                if not any(where == (path, line) and code in codes for where, codes in expect + ok)}
    assert missed == {gap for gap in KNOWN_MISSES if gap[0] == app}, "marked pitfalls vibecheck missed"
    assert flagged == {gap for gap in KNOWN_FALSE_ALARMS if gap[0] == app}, "look-alikes vibecheck reported"
    assert unmarked == set(), "findings nobody marked"


def test_the_apps_hold_enough_cases_of_each_kind() -> None:
    counts = [marks(app) for app in APPS.iterdir() if app.is_dir()]
    assert len(counts) >= 9
    assert sum(len(expect) for expect, _ in counts) >= 60
    assert sum(len(ok) for _, ok in counts) >= 30
    # A recall probe seeds pitfalls among look-alikes; a false-alarm probe is code written to best practice, with one or
    # two subtle pitfalls among many look-alikes (the `clean_*` round).
    assert all((len(expect) >= 4 and len(ok) >= 3) or (1 <= len(expect) <= 2 and len(ok) >= 8) for expect, ok in counts)
