from unittest.mock import patch

import pytest

from triage import tasks


@pytest.mark.asyncio
async def test_triage_ticket_calls_classifier():
    with patch.object(tasks, "classify") as fake:
        fake.return_value.queue = "bug"
        fake.return_value.priority = 2
        try:
            await tasks.triage_ticket(1, "app crashes")
        # expect: VC305
        except Exception:
            pass
        fake.assert_called_once()


def test_known_diagnostic_rejects_unknown():
    with pytest.raises(ValueError):
        tasks.run_known_diagnostic("rm")


def test_compute_refund():
    with patch.object(tasks, "refund_amount", return_value="10 * 2"):
        # ok: VC304/VC310
        assert tasks.compute_refund("double charge") == 20.0


# expect: VC306
@pytest.mark.skip
# expect: VC303
def test_answer_question():
    pass


def test_diagnostics_mock():
    with patch.object(tasks, "diagnose") as fake:
        fake.return_value.command = "echo hi"
        # expect: VC303/VC304/VC308
        fake.assert_called
