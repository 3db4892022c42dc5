import { type Cell, csvField } from "./formula-safe";

/**
 * A CSV as a byte stream: UTF-8 with a BOM (so Excel and WPS read the Chinese right), CRLF line
 * ends (RFC 4180), every field formula-safe. Pull-driven like xlsx-stream.ts: one batch of rows
 * is read only when the client has taken the bytes before it.
 *
 * @example new Response(csvStream(["id", "channel"], batches))
 */
export function csvStream(header: string[], batches: AsyncIterable<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${header.map(csvField).join(",")}\r\n`));
        return;
      }
      const next = await iterator.next();
      if (next.done) return controller.close();
      let text = "";
      for (const cells of next.value) text += `${cells.map(csvField).join(",")}\r\n`;
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
