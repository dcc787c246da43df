from bot import runner


def test_load_repo_config_safe_empty():
    assert runner.load_repo_config_safe("") == {}


def test_render_reply():
    # ok: VC304 -- two calls may differ: a determinism check
    assert runner.render_reply("code {{ code }}", code=0) == runner.render_reply("code {{ code }}", code=0)


# expect: VC303
def test_run_allowed_target_unknown(tmp_path):
    try:
        runner.run_allowed_target(tmp_path, "deploy")
    except ValueError:
        pass
