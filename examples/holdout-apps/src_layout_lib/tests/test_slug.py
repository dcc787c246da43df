import unittest

from textkit.slug import slugify


class SlugifyTests(unittest.TestCase):
    def test_strips_punctuation(self):
        self.assertEqual(slugify("Hello, World!"), "hello-world")

    def test_truncates(self):
        self.assertEqual(slugify("a" * 100, max_length=5), "aaaaa")


if __name__ == "__main__":
    unittest.main()
