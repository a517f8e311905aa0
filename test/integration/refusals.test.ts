import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { createSession } from "../../app/auth/sessions.server";
import { sessionCookie } from "../../app/auth/session.server";
import { castVote, withdrawVote } from "../../app/ideas/votes.server";
import * as voteApi from "../../app/routes/api+/v1+/ideas.$key.vote";
import * as votePage from "../../app/routes/_ideas+/ideas.$key.vote";
import { callRoute, freshApiDb, tokenOf } from "../support/api-routes";
import { makeIdea, makePortal, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

/** Refusals the permission matrix found answering with something other than SPEC's 403. */

let db: Db;
beforeAll(() => {
  process.env.SESSION_SECRET ??= "refusals-session-secret-long-enough";
  db = freshApiDb();
});

async function postVotePage(key: string, userId: number, intent?: string) {
  const cookie = (await sessionCookie().serialize(createSession(db, userId))).split(";")[0];
  const request = new Request(`http://localhost/ideas/${key}/vote`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(intent ? { intent } : {}) });
  try {
    return (await votePage.action({ request, params: { key }, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("a role that does not vote", () => {
  it("is refused as forbidden when taking a vote back, not told it has no vote (API 403)", async () => {
    const { pm, prefix } = await makePortal(db);
    const idea = makeIdea(db, await makeUser(db, "customer"), prefix);
    expect(refusal(() => withdrawVote(db, pm, idea.key)).code).toBe("forbidden");
    const answer = await callRoute(voteApi, "DELETE", `/ideas/${idea.key}/vote`, { token: tokenOf(db, pm), params: { key: idea.key } });
    expect(answer.status).toBe(403);
    expect((await answer.json()).error.code).toBe("forbidden");
  });

  it("gets the 403 page from the no-JavaScript vote form, for a vote and for taking one back", async () => {
    const { pm, prefix } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    const idea = makeIdea(db, customer, prefix);
    expect((await postVotePage(idea.key, pm.id)).status).toBe(403);
    expect((await postVotePage(idea.key, pm.id, "unvote")).status).toBe(403);
    // A voter's refusal for the idea's state is still the flash on the idea's page.
    castVote(db, customer, idea.key);
    const again = await postVotePage(idea.key, customer.id);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/ideas/${idea.key}`);
  });
});
