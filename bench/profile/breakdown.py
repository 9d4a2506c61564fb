#!/usr/bin/env python3
"""Where each implementation's time goes, from a Firefox profile of `cargo xtask bench`.

`cargo xtask bench --browser firefox --profile` records the profile (the Gecko
profiler, started with the browser through MOZ_PROFILER_STARTUP) and runs this script
on it. The bench marks each measurement with `performance.mark("bench-start <workload>
<implementation> <count>")` and `bench-end ...`; every sample between a pair belongs to
that measurement. For each workload the script prints, per implementation, the time per
unit of work (a message, or a connection) spent under each kind of frame, inclusive:
a frame counts for every sample it is on the stack of.

Only JavaScript, wasm and the profiler's labels have names (Firefox's native frames are
not symbolicated), which is enough to tell the paths apart: the event listener, the
wake that schedules a microtask, the microtask that polls the task, and the copies into
wasm memory.

Usage: breakdown.py PROFILE.json [--top N] [WORKLOAD ...]

`--top N` also lists, per workload, the N frames with the most time per unit for the
first implementation other than `raw`, beside every implementation's figure.
"""

import bisect
import collections
import json
import re
import sys

# What the rows add up: a label and the frames (regular expressions on the frame's
# cleaned name) that count for it.
ROWS = [
    ("all", None),
    ("the message listener (JS, or the wasm callback)", r"^(EventListener\.handleEvent|EventHandlerNonNull)$"),
    ("  of which the wake: queueMicrotask", r"^Window\.queueMicrotask$"),
    ("the microtask that polls the reading task", r"^VoidFunction$"),
    ("copies into wasm memory (in either)", r"^(passStringToWasm0|passArray8ToWasm0|__wbg___wbindgen_string_get|__wbg_subarray)"),
    ("the browser receiving the message (IPC)", r"^PWebSocket::Msg_OnMessageAvailable$"),
    ("garbage collection", r"^(Minor GC|Major GC|CC |GC)"),
    ("the profiler itself", r"^(AddMarkerToBuffer|profiler_add_marker)$"),
]


def threads(node):
    for thread in node.get("threads", []):
        yield thread
    for process in node.get("processes", []):
        yield from threads(process)


def clean(name):
    """A frame's name without its URL and the wasm module's prefix."""
    name = re.sub(r" \(https?://[^)]*\)(\[\d+\])?$", "", name)
    return re.sub(r"^[\w-]+\.wasm\.", "", name)


def marks(thread):
    """(name, time) of every `performance.mark` on the thread."""
    markers = thread.get("markers", {})
    schema = markers.get("schema", {})
    found = []
    for row in markers.get("data", []):
        data = row[schema["data"]] if len(row) > schema.get("data", len(row)) else None
        if isinstance(data, dict) and data.get("type") == "UserTiming":
            time = row[schema["startTime"]]
            if time is None:
                time = row[schema["endTime"]]
            found.append((data.get("name", ""), time))
    return found


def measurements(thread):
    """{(workload, implementation): [(start, end, count), ...]} from the bench's marks."""
    starts = {}
    found = collections.defaultdict(list)
    for name, time in sorted(marks(thread), key=lambda mark: mark[1]):
        kind, _, label = name.partition(" ")
        if kind == "bench-start":
            starts[label] = time
        elif kind == "bench-end" and label in starts:
            workload, implementation, count = label.split(" ")
            found[(workload, implementation)].append((starts.pop(label), time, int(count)))
    # The warm-up pass runs every case at smoke counts first: keep the timed runs.
    return {
        case: [span for span in spans if span[2] == max(count for _, _, count in spans)]
        for case, spans in found.items()
    }


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    args = sys.argv[2:]
    top = 0
    if "--top" in args:
        at = args.index("--top")
        top = int(args[at + 1])
        del args[at : at + 2]
    with open(sys.argv[1]) as file:
        profile = json.load(file)
    only = set(args)
    marked = ((thread, measurements(thread)) for thread in threads(profile))
    thread, cases = next(((thread, cases) for thread, cases in marked if cases), (None, None))
    if thread is None:
        sys.exit("no bench marks in this profile: was it recorded by `cargo xtask bench --profile`?")
    strings = thread["stringTable"]
    frames, frame_schema = thread["frameTable"]["data"], thread["frameTable"]["schema"]
    stacks, stack_schema = thread["stackTable"]["data"], thread["stackTable"]["schema"]
    samples, sample_schema = thread["samples"]["data"], thread["samples"]["schema"]

    names = [clean(strings[frame[frame_schema["location"]]]) for frame in frames]
    rows = [(label, re.compile(pattern) if pattern else None) for label, pattern in ROWS]

    def on_stack(stack):
        seen = set()
        while stack is not None:
            seen.add(names[stacks[stack][stack_schema["frame"]]])
            stack = stacks[stack][stack_schema["prefix"]]
        return seen

    stack_frames = {}
    stack_rows = {}

    def frames_of(stack):
        if stack not in stack_frames:
            stack_frames[stack] = on_stack(stack) if stack is not None else set()
        return stack_frames[stack]

    def rows_of(stack):
        if stack not in stack_rows:
            seen = frames_of(stack)
            stack_rows[stack] = [
                pattern is None or any(pattern.search(name) for name in seen)
                for _, pattern in rows
            ]
        return stack_rows[stack]

    times = [sample[sample_schema["time"]] for sample in samples]
    by_workload = collections.defaultdict(dict)
    frames_by_workload = collections.defaultdict(dict)
    for (workload, implementation), spans in cases.items():
        if only and workload not in only:
            continue
        totals = [0.0] * len(rows)
        per_frame = collections.Counter()
        units = 0
        for start, end, count in spans:
            # Samples are in time order.
            inside = range(bisect.bisect_left(times, start), bisect.bisect_right(times, end))
            if not inside:
                continue
            # Each sample stands for an equal share of the measurement's wall time.
            share = (end - start) * 1000.0 / len(inside)
            units += count
            for i in inside:
                stack = samples[i][sample_schema["stack"]]
                for row, counts in enumerate(rows_of(stack)):
                    if counts:
                        totals[row] += share
                if top:
                    for name in frames_of(stack):
                        per_frame[name] += share
        if units:
            by_workload[workload][implementation] = [total / units for total in totals]
            frames_by_workload[workload][implementation] = {
                name: total / units for name, total in per_frame.items()
            }

    for workload, results in by_workload.items():
        implementations = list(results)
        print(f"\n{workload}: µs per unit of work, inclusive (a frame counts for every sample it is on)")
        print(f"{'':56s}" + "".join(f"{name:>13s}" for name in implementations))
        for row, (label, _) in enumerate(rows):
            print(f"{label:56s}" + "".join(f"{results[name][row]:13.2f}" for name in implementations))
        if top:
            frames = frames_by_workload[workload]
            focus = next((name for name in implementations if name != "raw"), implementations[0])
            print(f"\nthe {top} frames {focus} spends most under:")
            named = [item for item in frames[focus].items() if not item[0].startswith("0x")]
            for frame, _ in sorted(named, key=lambda item: -item[1])[:top]:
                print(f"{frame[:56]:56s}" + "".join(f"{frames[name].get(frame, 0.0):13.2f}" for name in implementations))


if __name__ == "__main__":
    main()
