# expected-no-diagnostics
# ok-for: PX305
# Code that drives coroutines written elsewhere is ordinary Python calls.
import asyncio


def run(make_coroutine, arg):
    return asyncio.run(make_coroutine(arg))


def gather_results(loop, first, second):
    return loop.run_until_complete(asyncio.gather(first, second))


def is_coroutine(obj):
    return asyncio.iscoroutine(obj)
