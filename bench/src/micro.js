// Synthetic `message` events on a real WebSocket object: the per-message cost of each
// implementation's receive path, without the network, the server or the browser's IPC.

function size(data) {
  return typeof data === "string" ? data.length : data.byteLength;
}

/** `size` ASCII letters, or an ArrayBuffer of `size` bytes. */
export function makeData(text, size) {
  if (text) {
    let s = "";
    for (let i = 0; i < size; i++) s += String.fromCharCode(97 + (i % 26));
    return s;
  }
  return new ArrayBuffer(size);
}

/** The raw JavaScript receiver: adds up sizes. */
export function rawListen(ws) {
  const state = { count: 0, bytes: 0 };
  ws.addEventListener("message", (event) => {
    state.count++;
    state.bytes += size(event.data);
  });
  return state;
}

export function rawCount(state) {
  return state.count;
}

/** Dispatches `n` events in one go: the receiver's stream is polled after all of them. */
export function dispatchAll(ws, data, n) {
  for (let i = 0; i < n; i++) {
    ws.dispatchEvent(new MessageEvent("message", { data }));
  }
}

/** Dispatches one event per task (a MessageChannel hop each), as the network delivers
 *  them: the receiver's task is woken and polled after every event. */
export function dispatchPerTask(ws, data, n) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    let left = n;
    channel.port1.onmessage = () => {
      ws.dispatchEvent(new MessageEvent("message", { data }));
      if (--left === 0) {
        channel.port1.close();
        resolve();
      } else {
        channel.port2.postMessage(0);
      }
    };
    channel.port2.postMessage(0);
  });
}

/** Times `n` synchronous `send` calls (the browser's own queuing included). */
export function rawSendLoop(ws, payload, n) {
  const start = performance.now();
  for (let i = 0; i < n; i++) ws.send(payload);
  return performance.now() - start;
}

/** `n` times: open a socket, close it (with code 1000 if `withCode`), await `close`;
 *  resolves to [milliseconds until open, milliseconds from close() to `close`], summed. */
export async function connectClosePhases(url, n, withCode) {
  let open = 0;
  let close = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const ws = await new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.binaryType = "arraybuffer";
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error(`could not connect to ${url}`));
    });
    const t1 = performance.now();
    await new Promise((resolve) => {
      ws.onclose = () => resolve();
      if (withCode) ws.close(1000, "");
      else ws.close();
    });
    open += t1 - t0;
    close += performance.now() - t1;
  }
  return [open, close];
}

/** `/flood` read through the browser's WebSocketStream in plain JavaScript (one `read()`
 *  per message, as its users write it); resolves to the milliseconds from the
 *  constructor to the last message. */
export async function streamFlood(url, count, expected) {
  const start = performance.now();
  const wss = new WebSocketStream(url);
  const { readable } = await wss.opened;
  const reader = readable.getReader();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream flood: ended after ${i} messages`);
    bytes += typeof value === "string" ? value.length : value.byteLength;
  }
  const ms = performance.now() - start;
  if (bytes !== expected) throw new Error(`stream flood: ${bytes} bytes, not ${expected}`);
  await wss.closed.catch(() => {});
  return ms;
}
