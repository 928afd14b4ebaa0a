# Each coroutine construct is reported once, where it is written; the body of
# an `async def` gives no further diagnostics.
import cython


async def fetch(session, url):  # expected-error PX305
    response = await session.get(url)
    async with response as r:
        return await r.text()


def loop_over(stream):
    async for item in stream:  # expected-error PX305
        print(item)


def enter(lock):
    async with lock:  # expected-error PX305
        pass


def wait_for(task):
    return await task  # expected-error PX305
