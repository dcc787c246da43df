import datetime
from unittest import skip

from django.test import TestCase
from django.utils import timezone

from polls.models import Choice, Question

from .helpers import create_question


class QuestionModelTests(TestCase):
    def test_was_published_recently_with_future_question(self):
        future_question = Question(pub_date=timezone.now() + datetime.timedelta(days=30))
        # ok: VC310
        self.assertIs(future_question.was_published_recently(), False)

    def test_was_published_recently_with_recent_question(self):
        time = timezone.now() - datetime.timedelta(hours=23, minutes=59, seconds=59)
        recent_question = Question(pub_date=time)
        # ok: VC310
        self.assertTrue(recent_question.was_published_recently())

    def test_was_published_recently_with_old_question(self):
        old_question = Question(pub_date=timezone.now() - datetime.timedelta(days=1, seconds=1))
        # expect: VC304/VC310
        self.assertIsNotNone(old_question.was_published_recently())

    def test_str(self):
        q = create_question("What's new?", days=-1)
        # expect: VC304
        self.assertEqual(str(q), str(q))

    def test_question_exists(self):
        create_question("What's new?", days=-1)
        # ok: VC310
        self.assertTrue(Question.objects.filter(question_text="What's new?").exists())


class ChoiceModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.question = create_question("Best colour?", days=-1)
        cls.question.choice_set.create(choice_text="Red")
        cls.question.choice_set.create(choice_text="Blue")

    # expect: VC303
    def test_choices_created(self):
        Choice.objects.filter(question=self.question).count()

    def test_choices_start_at_zero(self):
        # expect: VC311
        for choice in self.question.choice_set.filter(votes__gt=0):
            self.assertEqual(choice.votes, 0)

    def test_choice_count(self):
        self.assertEqual(self.question.choice_set.count(), 2)

    def test_delete_cascades(self):
        try:
            self.question.delete()
            self.assertFalse(Choice.objects.exists())
        # expect: VC305
        except Exception:
            pass

    def test_missing_question(self):
        # ok: VC305
        with self.assertRaises(Question.DoesNotExist):
            Question.objects.get(pk=9999)

    def test_missing_question_message(self):
        # expect: VC305
        with self.assertRaises(Exception):
            Question.objects.get(pk=9999)
            # expect: VC304 -- marked after the first run: the assertion after the raising call never runs
            self.assertEqual(Question.objects.count(), 1)

    # expect: VC306
    @skip("")
    def test_choice_str(self):
        self.assertEqual(str(self.question.choice_set.first()), "Red")
