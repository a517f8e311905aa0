import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { readForm } from "~/lib/forms.server";
import { json, redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser, safeRedirect } from "~/auth/session.server";
import { castVote, withdrawVote } from "~/ideas/votes.server";
import { isDomainError } from "~/lib/errors";
import { redirectWithFlash } from "~/web/flash.server";

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/ideas/${params.key}`);
}

/**
 * Vote or un-vote. A fetcher (JavaScript) gets JSON for its optimistic button; a plain form goes
 * back where it came from with the outcome as a flash message.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const key = params.key ?? "";
  const back = safeRedirect(form.get("redirectTo"), `/ideas/${key}`);
  const viaFetcher = form.get("via") === "fetcher";
  try {
    const result = form.get("intent") === "unvote" ? withdrawVote(getDb(), user, key) : castVote(getDb(), user, key);
    const { available, budget } = result.myVotes;
    if (viaFetcher) return json({ ok: true as const, voted: form.get("intent") !== "unvote", votes: result.votes, available, budget });
    const left = `${available} of ${budget} votes left`;
    return redirectWithFlash(back, form.get("intent") === "unvote" ? `Vote taken back from ${key}, ${left}.` : `Vote recorded for ${key}, ${left}.`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // A refusal of the role is the 403 page like every other forbidden action, not a flash on the idea.
    if (error.code === "not_found" || error.code === "forbidden") throw new Response(error.message, { status: error.status });
    if (viaFetcher) return json({ ok: false as const, error: error.message }, { status: error.status });
    return redirectWithFlash(back, error.message, { kind: "error" });
  }
}
