"""VC104 corpus: handlers whose only handling is print fire; printing before exiting or raising does not."""
import logging
import subprocess
import sys
import traceback

import click
import requests as r
import typer

logger = logging.getLogger(__name__)
cli = click.Group()
app = typer.Typer()


def print_error():
    try:
        work()
    # expect: VC104
    except Exception as e:
        print(e)


def print_fstring_then_return_none(url):
    try:
        return r.get(url, timeout=5).json()
    # expect: VC104
    except r.RequestException as e:
        print(f"Error: {e}")
        return None


def bare_prints_message():
    try:
        work()
    # expect: VC104
    except:
        print("something went wrong")


def print_and_continue(items):
    for item in items:
        try:
            work(item)
        # expect: VC104
        except ValueError as err:
            print("skipping", item, err)
            continue


def print_to_stderr_and_continue(items):
    for item in items:
        try:
            work(item)
        # ok: VC104 -- a chosen stream is a command-line tool's channel
        except ValueError as err:
            print("skipping", item, err, file=sys.stderr)
            continue


def two_prints():
    try:
        work()
    # expect: VC104
    except BaseException as exc:
        print("failed")
        print(repr(exc))


def nested_function():
    def inner():
        try:
            work()
        # expect: VC104
        except KeyError as missing:
            print(f"missing key {missing}")
            return {}
    return inner


class Job:
    def run(self):
        try:
            self.step()
        # expect: VC104
        except Exception as e: print("job failed:", e)


def returns_zero_status():
    try:
        work()
    # expect: VC104
    except OSError as e:
        print(e)
        return 0


def click_echo(path):
    try:
        return load(path)
    # ok: VC104 -- a command-line tool talking to its user
    except Exception as exc:
        click.echo(f"could not load {path}: {exc}", err=True)


def prints_the_traceback():
    try:
        work()
    # ok: VC104
    except Exception:
        print(traceback.format_exc())


def rich_print(console_print):
    from rich import print as rprint
    try:
        work()
    # expect: VC104
    except Exception as exc:
        rprint(f"[red]failed: {exc}[/red]")


def narrow_message_without_the_error():
    try:
        import yaml
    # ok: VC104 -- a narrow handler that tells the user something, not the error
    except ImportError:
        print("PyYAML is not installed; YAML output disabled")


def prints_and_exits():
    try:
        work()
    # ok: VC104
    except Exception as e:
        print(f"fatal: {e}")
        sys.exit(1)


def prints_and_reraises():
    try:
        work()
    # ok: VC104
    except Exception as e:
        print(e)
        raise


def error_code_for_the_shell():
    try:
        work()
    # ok: VC104
    except Exception as e:
        print(e)
        return 1


def logged():
    try:
        work()
    # ok: VC104
    except Exception:
        logger.exception("work failed")


def prints_traceback():
    try:
        work()
    # ok: VC104 -- VC102 territory at most, and the traceback is printed
    except Exception:
        traceback.print_exc()


def prints_and_recovers():
    try:
        return work()
    # ok: VC104
    except ValueError as e:
        print(e)
        return fallback()


def swallowed_is_vc101():
    try:
        work()
    # ok: VC104
    except Exception:
        pass


def finally_only():
    try:
        work()
    # ok: VC104
    finally:
        print("done")


def install_server(name) -> bool:
    try:
        run_installer(name)
        return True
    # ok: VC104 -- the user reads why, the caller reads `False`
    except subprocess.CalledProcessError as e:
        print(f"Failed to install {name}: {e}")
        return False


def install_quietly(name) -> bool:
    try:
        run_installer(name)
        return True
    # expect: VC104 -- the print does not say why: the failure's cause is lost
    except Exception:
        print(f"Failed to install {name}")
        return False


def install_returning_nothing(name):
    try:
        run_installer(name)
    # expect: VC104 -- no flag tells the caller it failed
    except subprocess.CalledProcessError as e:
        print(f"Failed to install {name}: {e}")
        return False


for name in ("alpha", "beta"):
    try:
        run_installer(name)
    # expect: VC104 -- module-level code goes on after this loop as if every install worked
    except Exception as e:
        print(f"Failed to install {name}: {e}")


if __name__ == "__main__":
    try:
        work()
    # ok: VC104 -- the script's top level ends here anyway
    except Exception as e:
        print(f"Error: {e}")


@cli.command()
def deploy_image(version):
    try:
        build(version)
    # expect: VC104 -- the command returns after the message: exit status 0
    except subprocess.CalledProcessError as exc:
        click.echo(f"build failed: {exc}", err=True)
        return
    click.echo("deployed")


@app.command()
def sync_bucket(bucket: str):
    try:
        sync(bucket)
    # expect: VC104 -- the command's last step: it ends after the log line with status 0
    except OSError as exc:
        logger.error("sync of %s failed: %s", bucket, exc)


@app.command()
def export_rows(path: str):
    try:
        export(path)
    # expect: VC104 -- typer.Exit() without a code is a success
    except ValueError as exc:
        typer.secho(f"bad rows: {exc}", fg="red", err=True)
        raise typer.Exit()


@cli.command()
def deploy_image_failing(version):
    try:
        build(version)
    # ok: VC104 -- a failing exit status
    except subprocess.CalledProcessError as exc:
        click.echo(f"build failed: {exc}", err=True)
        sys.exit(1)


@app.command()
def export_rows_failing(path: str):
    try:
        export(path)
    # ok: VC104 -- typer.Exit(code=1) fails the command
    except ValueError as exc:
        typer.secho(f"bad rows: {exc}", fg="red", err=True)
        raise typer.Exit(code=1)


@cli.command()
def check_tools():
    for tool in ("git", "docker"):
        try:
            subprocess.run([tool, "--version"], check=True)
        # ok: VC104 -- a report line per tool inside a loop, and the command goes on
        except subprocess.CalledProcessError:
            click.echo(f"{tool}: missing")
    click.echo("done")


@cli.command()
def show_config(path):
    try:
        config = load(path)
    # ok: VC104 -- after the message the command goes on with a fallback, not ending here
    except FileNotFoundError:
        click.echo("no config, using defaults")
        config = {}
    click.echo(config)


def helper_not_a_command(path):
    try:
        export(path)
    # ok: VC104 -- a plain function: its caller decides (click.echo is a chosen channel)
    except ValueError as exc:
        click.echo(f"bad rows: {exc}", err=True)
        return


@cli.command()
def push_dotfiles(remote):
    try:
        push(remote)
    # expect: VC104 -- a broad handler too: the command still exits with status 0
    except Exception as e:
        click.echo(f"push failed: {e}")


@cli.command()
def push_dotfiles_failing(remote):
    try:
        push(remote)
    # ok: VC104 -- a failing exit status
    except Exception as e:
        raise click.ClickException(f"push failed: {e}") from e


def summarize_with_any(models, messages):
    for model in models:
        try:
            return model.send(messages)
        # ok: VC104 -- the next model is tried, and the function raises when none worked
        except Exception as e:
            print(f"Summarization failed for model {model.name}: {e}")
    raise ValueError("summarizer failed for all models")


def summarize_with_any_quietly(models, messages):
    summary = None
    for model in models:
        try:
            summary = model.send(messages)
        # expect: VC104 -- the loop does not stop at the first that works: a failure is only printed
        except Exception as e:
            print(f"Summarization failed for model {model.name}: {e}")
    raise ValueError(summary)


def summarize_or_nothing(models, messages):
    for model in models:
        try:
            return model.send(messages)
        # expect: VC104 -- when every model fails the caller gets None
        except Exception as e:
            print(f"Summarization failed for model {model.name}: {e}")
    return None
