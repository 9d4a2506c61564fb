// The baseline: plain JavaScript WebSocket code, as a page without any wrapper would
// write it. Each workload opens its own socket(s), times its work with performance.now()
// and resolves to the elapsed milliseconds, or rejects if a byte is missing.
//
// Receiving costs what it must in JavaScript: reading `data` (a string's length or an
// ArrayBuffer's byteLength). Payloads arrive ready-made (a string, or a Uint8Array outside
// wasm memory) and are built before the clock starts.

/** The size of a received message: UTF-16 units of a string (ASCII here) or bytes. */
function size(data) {
  return typeof data === "string" ? data.length : data.byteLength;
}

/** Resolves to an open socket with `binaryType = "arraybuffer"`. */
function opened(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => {
      ws.onerror = null;
      resolve(ws);
    };
    ws.onerror = () => reject(new Error(`could not connect to ${url}`));
  });
}

/** Closes `ws` (unless it is already closing) and resolves on its `close` event. */
function closed(ws) {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) {
      resolve();
      return;
    }
    ws.onmessage = null;
    ws.onclose = () => resolve();
    if (ws.readyState !== WebSocket.CLOSING) {
      ws.close();
    }
  });
}

/** Send one message, wait for its echo, `count` times. */
export async function pingpong(url, payload, count) {
  const ws = await opened(url);
  const ms = await new Promise((resolve, reject) => {
    let left = count;
    let start = 0;
    ws.onmessage = (event) => {
      if (size(event.data) !== payload.length) {
        reject(new Error(`pingpong: an echo of ${size(event.data)} bytes`));
      } else if (--left === 0) {
        resolve(performance.now() - start);
      } else {
        ws.send(payload);
      }
    };
    start = performance.now();
    ws.send(payload);
  });
  await closed(ws);
  return ms;
}

/** Send `count` messages, then receive their `count` echoes. */
export async function echoPipelined(url, payload, count) {
  const ws = await opened(url);
  const expected = size(payload) * count;
  const ms = await new Promise((resolve, reject) => {
    let left = count;
    let bytes = 0;
    let start = 0;
    ws.onmessage = (event) => {
      bytes += size(event.data);
      if (--left > 0) {
        return;
      }
      if (bytes === expected) {
        resolve(performance.now() - start);
      } else {
        reject(new Error(`echo: ${bytes} bytes came back, not ${expected}`));
      }
    };
    start = performance.now();
    for (let i = 0; i < count; i++) {
      ws.send(payload);
    }
  });
  await closed(ws);
  return ms;
}

/** Receive `count` messages the server sends unasked; the clock starts at `new WebSocket`. */
export function flood(url, count, expected) {
  return new Promise((resolve, reject) => {
    let left = count;
    let bytes = 0;
    let ms = 0;
    const start = performance.now();
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    ws.onmessage = (event) => {
      bytes += size(event.data);
      if (--left === 0) {
        ms = performance.now() - start;
      }
    };
    // The server closes once the flood is sent: the end of the socket, not of the clock.
    ws.onclose = () => {
      if (left === 0 && bytes === expected) {
        resolve(ms);
      } else {
        reject(new Error(`flood: ${count - left} messages, ${bytes} bytes, not ${expected}`));
      }
    };
  });
}

/** Send `count` messages, then `done`; the server answers with the bytes it counted. */
export async function sink(url, payload, count) {
  const ws = await opened(url);
  const expected = size(payload) * count;
  const ms = await new Promise((resolve, reject) => {
    let start = 0;
    ws.onmessage = (event) => {
      const counted = Number(event.data);
      if (counted === expected) {
        resolve(performance.now() - start);
      } else {
        reject(new Error(`sink: the server counted ${event.data} bytes, not ${expected}`));
      }
    };
    start = performance.now();
    for (let i = 0; i < count; i++) {
      ws.send(payload);
    }
    ws.send("done");
  });
  await closed(ws);
  return ms;
}

/**
 * `sink` as a careful JavaScript developer writes it: send while `bufferedAmount` is at
 * or under `high`; above it, wait until it is at or under `low`, re-checking on a 1 ms
 * timer (the browser fires no event when its buffer drains). Memory stays bounded, as
 * the crate's Sink keeps it.
 */
export async function sinkBounded(url, payload, count, high, low) {
  const ws = await opened(url);
  const expected = size(payload) * count;
  const ms = await new Promise((resolve, reject) => {
    let start = 0;
    let sent = 0;
    ws.onmessage = (event) => {
      const counted = Number(event.data);
      if (counted === expected) {
        resolve(performance.now() - start);
      } else {
        reject(new Error(`sink-bounded: the server counted ${event.data} bytes, not ${expected}`));
      }
    };
    const drained = () => {
      if (ws.bufferedAmount <= low) {
        send();
      } else {
        setTimeout(drained, 1);
      }
    };
    const send = () => {
      while (sent < count) {
        if (ws.bufferedAmount > high) {
          setTimeout(drained, 1);
          return;
        }
        ws.send(payload);
        sent++;
      }
      ws.send("done");
    };
    start = performance.now();
    send();
  });
  await closed(ws);
  return ms;
}

/** Open a socket, close it, wait for `close`, `count` times. */
export async function connectClose(url, count) {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    await closed(await opened(url));
  }
  return performance.now() - start;
}

/**
 * JSON-RPC 2.0 as a page without a library writes it: a `Map` of pending promises keyed
 * by id, `JSON.stringify` out and `JSON.parse` in. Call `echo` with `[payload]` and await
 * its result, one call at a time, `count` times.
 */
export async function rpcRoundtrip(url, payload, count) {
  const ws = await opened(url);
  const pending = new Map();
  let nextId = 1;
  ws.onmessage = (event) => {
    const reply = JSON.parse(event.data);
    const call = pending.get(reply.id);
    if (call === undefined) {
      return;
    }
    pending.delete(reply.id);
    if (reply.error !== undefined) {
      call.reject(new Error(`rpc: the server answered ${reply.error.code}`));
    } else {
      call.resolve(reply.result);
    }
  };
  const call = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  try {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const result = await call("echo", [payload]);
      if (result.length !== payload.length) {
        throw new Error(`rpc: a result of ${result.length} bytes`);
      }
    }
    return performance.now() - start;
  } finally {
    await closed(ws);
  }
}
