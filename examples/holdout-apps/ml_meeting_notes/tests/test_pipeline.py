import json
from unittest.mock import MagicMock, patch

from meetnotes import actions, audio, transcribe
from meetnotes.llm import extract_block


def test_extract_block_strips_fences():
    # ok: VC304
    assert extract_block("```json\n{\"a\": 1}\n```") == '{"a": 1}'


# expect: VC303
def test_to_wav_builds_command():
    with patch("meetnotes.audio.subprocess.run") as run:
        audio.to_wav("talk.mp4")
        run.call_args


def test_split_chunks_calls_ffmpeg(tmp_path):
    wav = tmp_path / "talk.wav"
    wav.write_bytes(b"")
    with patch("meetnotes.audio.subprocess.run") as run:
        audio.split_chunks(str(wav))
    # expect: VC304
    run.assert_called_once


def test_transcribe_returns_text(cfg, tmp_path):
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"RIFF")
    fake = MagicMock()
    fake.json.return_value = {"text": "hello"}
    with patch("meetnotes.transcribe.requests.post", return_value=fake):
        text = transcribe.transcribe_file(cfg, str(wav))
    # ok: VC310, VC308
    assert text == "hello"


def test_save_summary_writes_file(cfg):
    with patch.object(actions, "summarise", return_value={"summary": "s", "file_name": "out.json"}):
        try:
            path = actions.save_summary(cfg, "transcript")
            assert json.loads(path.read_text())["summary"] == "s"
        # expect: VC305
        except Exception:
            pass


def test_follow_ups_skip_unknown_tools(cfg):
    with patch.object(actions, "chat", return_value='[{"tool": "rm", "text": "-rf /"}]'), \
         patch("meetnotes.actions.subprocess.run") as run:
        actions.run_follow_ups_safely(cfg, "transcript")
    # ok: VC304, VC308
    run.assert_not_called()


def test_probe_duration_parses_output():
    with patch("meetnotes.audio.subprocess.run") as run:
        run.return_value.stdout = "12.5\n"
        # ok: VC304
        assert audio.probe_duration("x.wav") == 12.5
    # expect: VC304
    assert True
