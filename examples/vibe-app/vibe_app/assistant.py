"""AI assistant: turns a question about notes into a filter and applies it."""
# expect-file: VC302
from openai import OpenAI

# expect: VC403
client = OpenAI(api_key="sk-proj-4fG7hJ2kL9mN3pQ8rS1tV6wX0yZ5aB7cD2eF")


def ask_filter(question: str, notes: list[dict]) -> list[dict]:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Answer with a Python lambda that takes a note dict."},
            {"role": "user", "content": question},
        ],
    )
    answer = completion.choices[0].message.content.strip()
    # expect: VC401
    predicate = eval(answer)
    return [note for note in notes if predicate(note)]
