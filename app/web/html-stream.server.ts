import type { ReactNode } from "react";
// React's web-stream renderer, not react-dom/server's renderToPipeableStream: in React 18 the
// Node renderer encodes text into 2 KB views with TextEncoder.encodeInto and, when a multi-byte
// character does not fit at the end of a view, sends the whole view anyway — with the one to
// three bytes it left unwritten, which are U+0000 in the page (React fixed it in 19,
// facebook/react#26228). The web-stream renderer encodes whole strings and copies their bytes
// across views, so a character split over two chunks arrives intact.
import { renderToReadableStream } from "react-dom/server.browser";

export type HtmlStreamOptions = {
  /** The page's CSP nonce, given to React's own inline scripts. */
  nonce?: string;
  /** Wait for every Suspense boundary before the first byte (crawlers), instead of the shell. */
  waitForAll?: boolean;
  /** Give up on boundaries still pending after this long; they render their fallback. */
  abortAfterMs: number;
  /** Errors while rendering; one in the shell also rejects the promise. */
  onError?: (error: unknown) => void;
};

/**
 * The page as UTF-8 bytes, streamed: resolves when the shell (or, with waitForAll, everything)
 * has rendered, and rejects when the shell fails.
 */
export async function renderHtmlStream(element: ReactNode, options: HtmlStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.abortAfterMs);
  try {
    const stream = await renderToReadableStream(element, {
      nonce: options.nonce,
      signal: controller.signal,
      // React reads a string returned here as the error's digest: return nothing.
      onError(error) {
        options.onError?.(error);
      },
    });
    const done = () => clearTimeout(timer);
    stream.allReady.then(done, done);
    if (options.waitForAll) await stream.allReady;
    return stream;
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
}
