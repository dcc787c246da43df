from bot import runner


def test_load_repo_config_safe_empty():
    assert runner.load_repo_config_safe("") == {}


def test_render_reply():
    # expect: VC304
    assert runner.render_reply("code {{ code }}", code=0) == runner.render_reply("code {{ code }}", code=0)


def test_run_allowed_target_unknown(tmp_path):
    try:
        runner.run_allowed_target(tmp_path, "deploy")
    # expect: VC305
    except ValueError:
        pass
