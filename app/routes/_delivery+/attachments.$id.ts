import { createReadStream, existsSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { attachmentFile } from "~/delivery/threads.server";
import { orErrorPage } from "~/lib/forms.server";

/**
 * A story's file, for project members only: always a download with the type it was accepted as,
 * never rendered by the browser as a page (nosniff, a sandboxing CSP).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = orErrorPage(() => attachmentFile(getDb(), user, Number(params.id)));
  if (!existsSync(file.path)) throw new Response("The file is missing from the data folder.", { status: 404 });
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(createReadableStreamFromReadable(createReadStream(file.path)), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
