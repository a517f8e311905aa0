import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderHtmlStream } from "~/web/html-stream.server";

/** Every chunk the page stream sends, as bytes. */
async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/**
 * A list long enough for several chunks, of two-, three- and four-byte characters in text and in
 * attributes; `shift` ASCII letters in front move every character's position, so over a few
 * shifts some character straddles each chunk boundary.
 */
function page(shift: number) {
  const items = Array.from({ length: 300 }, (_, i) =>
    createElement("li", { key: i, "aria-label": `Stimme für „Ärger“ ${i} — ✓ 😀` }, `Zürich ${i} — ✓ 漢字 😀`),
  );
  return createElement("main", null, createElement("p", null, "x".repeat(shift)), createElement("ul", null, items));
}

describe("the page stream", () => {
  it("sends multi-byte text split over chunks as valid UTF-8, with no NUL byte", async () => {
    let straddled = 0;
    for (let shift = 0; shift < 4; shift++) {
      const chunks = await chunksOf(await renderHtmlStream(page(shift), { abortAfterMs: 5_000 }));
      expect(chunks.length, "the page spans several chunks").toBeGreaterThan(3);
      // A chunk that ends inside a character: its last lead byte announces more bytes than follow.
      if (chunks.slice(0, -1).some(endsInsideCharacter)) straddled++;
      const bytes = concat(chunks);
      expect(bytes.indexOf(0), `NUL byte with shift ${shift}`).toBe(-1);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(text).toBe(renderToString(page(shift)));
    }
    expect(straddled, "some character was split between two chunks").toBeGreaterThan(0);
  });

  it("rejects when the shell fails, and reports the error", async () => {
    const errors: unknown[] = [];
    const Broken = () => {
      throw new Error("no shell");
    };
    await expect(renderHtmlStream(createElement(Broken), { abortAfterMs: 5_000, onError: (e) => errors.push(e) })).rejects.toThrow("no shell");
    expect(errors).toHaveLength(1);
  });
});

function endsInsideCharacter(chunk: Uint8Array): boolean {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back;
  }
  return false;
}
