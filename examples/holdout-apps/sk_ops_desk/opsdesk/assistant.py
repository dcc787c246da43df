"""The kernel and the prompts the worker jobs use."""
from semantic_kernel import Kernel
from semantic_kernel.connectors.ai.function_choice_behavior import FunctionChoiceBehavior
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion, OpenAIChatPromptExecutionSettings
from semantic_kernel.functions import KernelArguments

from .plugins import DiagnosticsPlugin, MetricsPlugin, RunbookPlugin
from .settings import OPENAI_API_KEY


def build_kernel() -> Kernel:
    kernel = Kernel()
    kernel.add_service(OpenAIChatCompletion(ai_model_id="gpt-4o", api_key=OPENAI_API_KEY))
    kernel.add_plugin(DiagnosticsPlugin(), plugin_name="diagnostics")
    kernel.add_plugin(MetricsPlugin(), plugin_name="metrics")
    kernel.add_plugin(RunbookPlugin(), plugin_name="runbooks")
    return kernel


async def ask(kernel: Kernel, prompt: str) -> str:
    settings = OpenAIChatPromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto())
    result = await kernel.invoke_prompt(prompt, arguments=KernelArguments(settings=settings))
    return str(result).strip()


def strip_fences(text: str) -> str:
    text = text.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1].rsplit("```", 1)[0]
    return text
