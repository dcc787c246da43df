from django.test import TestCase
from django.urls import reverse

from .helpers import create_question


class QuestionIndexViewTests(TestCase):
    def test_no_questions(self):
        response = self.client.get(reverse("polls:index"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No polls are available.")
        self.assertQuerySetEqual(response.context["latest_question_list"], [])

    def test_past_question(self):
        question = create_question(question_text="Past question.", days=-30)
        response = self.client.get(reverse("polls:index"))
        # ok: VC304
        self.assertQuerySetEqual(response.context["latest_question_list"], [question])

    def test_index_status(self):
        response = self.client.get(reverse("polls:index"))
        # expect: VC304
        self.assertEqual(response.status_code, response.status_code)

    def test_index_renders(self):
        response = self.client.get(reverse("polls:index"))
        # expect: VC304/VC310
        self.assertTrue(response)

    def test_index_context(self):
        create_question(question_text="Past question.", days=-30)
        response = self.client.get(reverse("polls:index"))
        # expect: VC310
        self.assertIsNotNone(response.context["latest_question_list"])

    def test_index_content(self):
        response = self.client.get(reverse("polls:index"))
        # expect: VC310
        self.assertTrue(response.content)

    # expect: VC303
    def test_future_question(self):
        create_question(question_text="Future question.", days=30)
        self.client.get(reverse("polls:index"))

    def test_two_past_questions(self):
        question1 = create_question(question_text="Past question 1.", days=-30)
        question2 = create_question(question_text="Past question 2.", days=-5)
        response = self.client.get(reverse("polls:index"))
        # expect: VC311
        if response.status_code == 200:
            self.assertQuerySetEqual(response.context["latest_question_list"], [question2, question1])


class QuestionDetailViewTests(TestCase):
    def test_future_question(self):
        future_question = create_question(question_text="Future question.", days=5)
        response = self.client.get(reverse("polls:detail", args=(future_question.id,)))
        # ok: VC304
        self.assertEqual(response.status_code, 404)

    def test_past_question(self):
        past_question = create_question(question_text="Past Question.", days=-5)
        response = self.client.get(reverse("polls:detail", args=(past_question.id,)))
        self.assertContains(response, past_question.question_text)


class VoteViewTests(TestCase):
    def setUp(self):
        self.question = create_question("Best colour?", days=-1)
        self.red = self.question.choice_set.create(choice_text="Red")

    def test_vote_redirects_to_results(self):
        response = self.client.post(reverse("polls:vote", args=(self.question.id,)), {"choice": self.red.id})
        # ok: VC303
        self.assertRedirects(response, reverse("polls:results", args=(self.question.id,)))
        self.red.refresh_from_db()
        self.assertEqual(self.red.votes, 1)

    # expect: VC303
    def test_vote(self):
        self.client.post(reverse("polls:vote", args=(self.question.id,)), {"choice": self.red.id})
        self.red.refresh_from_db()

    def test_vote_without_choice(self):
        response = self.client.post(reverse("polls:vote", args=(self.question.id,)), {})
        # expect: VC310
        self.assertTrue(response.context["error_message"])

    def test_vote_without_choice_message(self):
        response = self.client.post(reverse("polls:vote", args=(self.question.id,)), {})
        # ok: VC310
        self.assertEqual(response.context["error_message"], "You didn't select a choice.")

    def test_vote_get_not_allowed(self):
        response = self.client.get(reverse("polls:vote", args=(self.question.id,)))
        try:
            self.assertEqual(response.status_code, 405)
        # ok: VC305
        except AssertionError:
            self.fail(f"GET on vote returned {response.status_code}")

    def test_vote_counts(self):
        self.client.post(reverse("polls:vote", args=(self.question.id,)), {"choice": self.red.id})
        self.red.refresh_from_db()
        try:
            self.assertEqual(self.red.votes, 1)
        # expect: VC305
        except AssertionError as exc:
            print("vote count off:", exc)
