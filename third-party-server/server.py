"""A WebSocket server nobody on this project wrote: Python's `websockets`, for the browser
tests in `tests/third_party.rs`. `cargo xtask test` installs `websockets` into a virtual
environment under `target/` and starts this script on a free port.

Routes:
  /echo                      echoes every message, text as text, binary as binary
  /close/<code>?reason=<r>   closes at once with that code and reason
  /record/<id>               remembers how the client closed (code and reason received)
  /report/<id>               sends what /record/<id> saw: "close <code> <reason>" or "gone"
  /jsonrpc                   a JSON-RPC 2.0 server on PyPI's `jsonrpcserver`, for
                             `tests/browser/rpc.rs`; each request is answered on a task of
                             its own, so slow calls do not hold up quick ones. Methods:
                             add(a, b); refuse() (error -32001 with data); slow(ms, value);
                             announce(text) (a notification "announced" first, then true);
                             stray() (a reply to id 999999 first, then true); go_away()
                             (closes with 1001, no reply); seen() (the methods this
                             connection received before, in order)

The first line on stdout is `listening on 127.0.0.1:<port>`, as for the project's own test
server.
"""

import argparse
import asyncio
import json
import sys
from urllib.parse import parse_qs, unquote, urlsplit

from jsonrpcserver import Error, Success, async_dispatch, method
from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

# What /record/<id> saw, and who waits for it.
RECORDS: dict[str, str] = {}
ARRIVED: dict[str, asyncio.Event] = {}

# The 16 MiB messages of the frame-length tests, with room to spare.
MAX_MESSAGE = 32 * 1024 * 1024


def arrival(record_id: str) -> asyncio.Event:
    return ARRIVED.setdefault(record_id, asyncio.Event())


async def echo(ws):
    async for message in ws:
        await ws.send(message)


async def close_with(ws, code: int, reason: str):
    await ws.close(code, reason)


async def record(ws, record_id: str):
    try:
        async for _ in ws:
            pass
    except ConnectionClosed:
        pass
    received = ws.protocol.close_rcvd
    RECORDS[record_id] = (
        f"close {received.code} {received.reason}" if received is not None else "gone"
    )
    arrival(record_id).set()


async def report(ws, record_id: str):
    try:
        await asyncio.wait_for(arrival(record_id).wait(), timeout=10)
        text = RECORDS[record_id]
    except asyncio.TimeoutError:
        text = "timeout"
    await ws.send(text)
    await ws.close(1000, "")


# JSON-RPC methods: `context` is the connection, with the methods it received (`seen`).
@method
async def add(context, a, b):
    return Success(a + b)


@method
async def refuse(context):
    return Error(-32001, "refused", {"why": "asked to"})


@method
async def slow(context, ms, value):
    await asyncio.sleep(ms / 1000)
    return Success(value)


@method
async def announce(context, text):
    note = {"jsonrpc": "2.0", "method": "announced", "params": [text]}
    await context["ws"].send(json.dumps(note))
    return Success(True)


@method
async def stray(context):
    await context["ws"].send(json.dumps({"jsonrpc": "2.0", "id": 999999, "result": 0}))
    return Success(True)


@method
async def go_away(context):
    await context["ws"].close(1001, "going away")
    return Success(True)


@method
async def seen(context):
    return Success(context["seen"][:-1])


async def answer(ws, context, request: str):
    try:
        context["seen"].append(json.loads(request).get("method"))
    except (ValueError, AttributeError):
        pass
    response = await async_dispatch(request, context=context)
    if response:
        try:
            await ws.send(response)
        except ConnectionClosed:
            pass


async def jsonrpc(ws):
    context = {"ws": ws, "seen": []}
    tasks = set()
    try:
        async for request in ws:
            task = asyncio.create_task(answer(ws, context, request))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
    except ConnectionClosed:
        pass


async def route(ws):
    url = urlsplit(ws.request.path)
    parts = [unquote(p) for p in url.path.split("/") if p]
    query = parse_qs(url.query)
    match parts:
        case ["echo"]:
            await echo(ws)
        case ["close", code]:
            await close_with(ws, int(code), query.get("reason", [""])[0])
        case ["record", record_id]:
            await record(ws, record_id)
        case ["report", record_id]:
            await report(ws, record_id)
        case ["jsonrpc"]:
            await jsonrpc(ws)
        case _:
            await ws.close(4404, "no such route")


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9002)
    args = parser.parse_args()
    # No compression: the frame-length tests want the lengths they send on the wire.
    async with serve(
        route, "127.0.0.1", args.port, max_size=MAX_MESSAGE, compression=None
    ) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"listening on 127.0.0.1:{port}", flush=True)
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
