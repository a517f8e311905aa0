import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { similarIdeas } from "~/ideas/idea-lists.server";

/** Similar ideas for the title being typed (the intake form's live suggestions), from every portal. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return json({ items: similarIdeas(getDb(), q, user.id) });
}
