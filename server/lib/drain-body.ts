/** Past this, what is left of an unread upload is cancelled instead of read. */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * Reads and drops what is left of a request body the app answered without reading (a 401 before
 * the JSON, a 413 on Content-Length). wrangler's local proxy in front of workerd turns an answer
 * sent while the upload is still unread into "worker restarted mid-request" (a 503 instead of
 * ours). A body that is locked (being read) or past DRAIN_LIMIT_BYTES is left alone / cancelled.
 */
export async function drainBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = request.body.getReader();
  } catch {
    return;
  }
  try {
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > DRAIN_LIMIT_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing left to drain.
  }
}
