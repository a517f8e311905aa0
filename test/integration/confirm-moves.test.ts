import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { goLives, ideas, sprints, stories } from "../../db/schema";
import { addMember, createProject } from "~/delivery/projects.server";
import { createGoLive } from "~/delivery/release.server";
import { closeSprint, generateSprints, startSprint } from "~/delivery/sprints.server";
import { createFeature, createStory, updateStory } from "~/delivery/stories.server";
import { markGoLiveDone } from "~/ideas-delivery/go-live-done.server";
import { linkIdea } from "~/ideas-delivery/links.server";
import { getIdea } from "~/ideas/ideas.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { castVote, voteBalance } from "~/ideas/votes.server";
import { freshDb } from "../support/db";
import { makeIdea, makePortal, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

/**
 * Changes that cannot be undone (issue 11 point 23): a page's request is refused until the
 * person confirmed the consequence, which is counted from the data; the API (no confirmation
 * object) is not asked.
 */
let db: Db;
beforeEach(() => {
  db = freshDb();
});

const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const unconfirmed = { given: null };

async function votedIdea(voters: number, title = "Report transfers per segment") {
  const portal = await makePortal(db, { threshold: 50 });
  const author = await makeUser(db, "customer");
  const idea = makeIdea(db, author, portal.prefix, title);
  const people = [];
  for (let i = 0; i < voters; i++) {
    const voter = await makeUser(db, i % 2 ? "partner" : "customer");
    castVote(db, voter, idea.key);
    people.push(voter);
  }
  return { ...portal, key: idea.key, voters: people, author };
}

describe("a final idea move asks first, with the votes it gives back", () => {
  it("refuses Not Planned until the PM confirmed that 3 votes go back; nothing moves before", async () => {
    const { pm, key, voters } = await votedIdea(3);
    const ask = refusal(() => moveIdea(db, pm, key, { status: "not_planned", note: "Out of the product direction." }, unconfirmed));
    expect(ask).toMatchObject({ code: "invalid", message: `Moving ${key} to Not Planned cannot be undone.`, consequence: "3 votes go back to their voters." });
    expect(ask.fields?.confirm).toBe("Tick the box to confirm, then send again.");
    expect(getIdea(db, pm, key)).toMatchObject({ status: "community_review", votes: 3 });
    expect(voteBalance(db, voters[0].id).used).toBe(1);

    moveIdea(db, pm, key, { status: "not_planned", note: "Out of the product direction." }, { given: ask.consequence });
    expect(getIdea(db, pm, key)).toMatchObject({ status: "not_planned", votes: 0 });
    expect(voteBalance(db, voters[0].id).used).toBe(0);
  });

  it("asks again when the numbers changed since the confirm step", async () => {
    const { pm, key } = await votedIdea(2);
    const first = refusal(() => moveIdea(db, pm, key, { status: "not_planned", note: "Not now." }, unconfirmed));
    expect(first.consequence).toBe("2 votes go back to their voters.");
    castVote(db, await makeUser(db, "customer"), key);
    const again = refusal(() => moveIdea(db, pm, key, { status: "not_planned", note: "Not now." }, { given: first.consequence }));
    expect(again.consequence).toBe("3 votes go back to their voters.");
    expect(again.fields?.confirm).toMatch(/changed since you confirmed/);
    expect(getIdea(db, pm, key).status).toBe("community_review");
  });

  it("a merge says how many votes move and how many go back to people who voted for both", async () => {
    const { pm, key, voters, author, prefix } = await votedIdea(3);
    const target = makeIdea(db, author, prefix, "Callback scheduling by time zone").key;
    castVote(db, voters[1], target);
    const ask = refusal(() => moveIdea(db, pm, key, { status: "merged", note: "Same need.", mergeInto: target }, unconfirmed));
    expect(ask.consequence).toBe(`2 votes move to ${target} and 1 vote goes back to its voter, who voted for both; its followers follow ${target}.`);
    expect(getIdea(db, pm, target).votes).toBe(1);
    moveIdea(db, pm, key, { status: "merged", note: "Same need.", mergeInto: target }, { given: ask.consequence });
    expect(getIdea(db, pm, target).votes).toBe(3);
  });

  it("checks the move's own fields before asking, and does not ask for moves that can be undone", async () => {
    const { pm, key } = await votedIdea(1);
    expect(refusal(() => moveIdea(db, pm, key, { status: "not_planned" }, unconfirmed)).fields).toEqual({ note: "Give the public reason why this is not planned." });
    expect(refusal(() => moveIdea(db, pm, key, { status: "merged", note: "x", mergeInto: "NOPE-I-1" }, unconfirmed)).fields?.mergeInto).toBe("No idea NOPE-I-1.");
    moveIdea(db, pm, key, { status: "under_pm_review", note: "Reviewing" }, unconfirmed);
    expect(getIdea(db, pm, key).status).toBe("under_pm_review");
  });

  it("the API path (no confirmation) moves at once, as API.md says", async () => {
    const { pm, key } = await votedIdea(1);
    moveIdea(db, pm, key, { status: "not_planned", note: "Out of scope." });
    expect(getIdea(db, pm, key).status).toBe("not_planned");
  });
});

describe("closing a sprint asks first, with where its unfinished stories go", () => {
  async function runningSprint() {
    const sm = await makeUser(db, "staff");
    const po = await makeUser(db, "staff");
    const project = createProject(db, sm, { name: "Acme Health — migration", customer: "Acme Health", sowSignedOn: fromToday(-31), staffedOn: fromToday(-31), kickoffWeeks: 3, timeZone: "UTC" });
    addMember(db, sm, project.id, { userId: po.id, role: "product_owner" });
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    const ids = ["Route VIP callers", "Play the expected wait time", "Agent greeting per queue"].map((title) => createStory(db, po, project.id, { title, points: 2, acceptanceCriteria: ["works"] }).id);
    for (const id of ids) updateStory(db, po, id, { sprintId: s1.id });
    startSprint(db, sm, s1.id);
    return { sm, s1, s2, ids };
  }

  it("3 unfinished stories go to the top of the backlog, or into Sprint 2; nothing moves until confirmed", async () => {
    const { sm, s1, ids } = await runningSprint();
    const toBacklog = refusal(() => closeSprint(db, sm, s1.id, { unfinished: "backlog" }, new Date(), unconfirmed));
    expect(toBacklog).toMatchObject({ message: "Closing Sprint 1 cannot be undone.", consequence: "3 unfinished stories go to the top of the backlog; the sprint report is frozen." });
    const toNext = refusal(() => closeSprint(db, sm, s1.id, { unfinished: "next" }, new Date(), { given: toBacklog.consequence }));
    expect(toNext.consequence).toBe("3 unfinished stories go into Sprint 2; the sprint report is frozen.");
    expect(db.select().from(sprints).where(eq(sprints.id, s1.id)).get()!.state).toBe("active");
    expect(db.select().from(stories).all().filter((s) => ids.includes(s.id)).map((s) => s.sprintId)).toEqual([s1.id, s1.id, s1.id]);

    closeSprint(db, sm, s1.id, { unfinished: "backlog" }, new Date(), { given: toBacklog.consequence });
    expect(db.select().from(sprints).where(eq(sprints.id, s1.id)).get()!.state).toBe("closed");
    expect(db.select().from(stories).all().filter((s) => ids.includes(s.id)).map((s) => s.sprintId)).toEqual([null, null, null]);
  });
});

describe("marking a go-live done asks first, with the ideas that become Delivered", () => {
  it("names the 2 ideas it delivers; the go-live stays open and the ideas Accepted until confirmed", async () => {
    const { pm, prefix } = await makePortal(db, { threshold: 50 });
    const sm = await makeUser(db, "staff");
    const customer = await makeUser(db, "customer");
    const release = createProject(db, sm, { name: "PureEngage 8.6 release", customer: "Product", kind: "product_release", sowSignedOn: "2026-01-05", staffedOn: "2026-01-05", timeZone: "UTC" });
    const [s1] = generateSprints(db, sm, release.id, { count: 1 });
    const feature = createFeature(db, sm, release.id, { name: "Segment-level reporting" });
    const goLive = createGoLive(db, sm, release.id, { name: "8.6.0", sprintId: s1.id, featureIds: [feature.id] });
    const keys = ["Report transfers per segment", "Show the caller's history"].map((title) => {
      const idea = makeIdea(db, customer, prefix, title);
      castVote(db, customer, idea.key);
      moveIdea(db, pm, idea.key, { status: "under_pm_review", note: "Reviewing" });
      moveIdea(db, pm, idea.key, { status: "accepted", note: "Planned", targetDate: fromToday(30) });
      linkIdea(db, pm, idea.key, { featureId: feature.id });
      return idea.key;
    });

    const ask = refusal(() => markGoLiveDone(db, sm, goLive.id, { releaseNoteUrl: "https://docs.example.com/rn/8.6.0" }, unconfirmed));
    expect(ask).toMatchObject({ message: "Marking go-live “8.6.0” done cannot be undone.", consequence: `2 ideas become Delivered (${keys.join(", ")}) and their votes go back to their voters.` });
    expect(db.select().from(goLives).where(eq(goLives.id, goLive.id)).get()!.doneAt).toBeNull();
    expect(db.select({ status: ideas.status }).from(ideas).all().map((i) => i.status)).toEqual(["accepted", "accepted"]);
    expect(voteBalance(db, customer.id).used).toBe(2);

    const done = markGoLiveDone(db, sm, goLive.id, { releaseNoteUrl: "https://docs.example.com/rn/8.6.0" }, { given: ask.consequence });
    expect(done.deliveredIdeas).toEqual(keys);
    expect(voteBalance(db, customer.id).used).toBe(0);
  });
});
