import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { ideaTerms } from "../../db/schema";
import { createIdea, editIdea } from "~/ideas/ideas.server";
import { listIdeas, similarIdeas, similarIdeasFor } from "~/ideas/idea-lists.server";
import { fillIdeaTerms, rebuildIdeaTerms, recountIdeaTerms } from "~/ideas/idea-terms.server";
import { moveIdea } from "~/ideas/idea-moves.server";
import { search } from "~/ideas-delivery/search.server";
import type { User } from "~/auth/users.server";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { makePortal, makeUser } from "../support/factories";

/** Ideas of two portals, with common words ("agent", "queue", "report", "calls") spread among many. */
const ENGAGE = [
  ["Callback scheduling in the customer's time zone", "Let callers pick a callback slot in their own time zone instead of ours."],
  ["Export real-time queue statistics to CSV", "Waiting calls, longest wait and agents ready, per queue, every minute."],
  ["Realtime wallboard for supervisors", "A wallboard that refreshes every few seconds with each team's queues."],
  ["Wallboard colour themes", "Pick the colours of wallboard tiles so thresholds stand out on the big screen."],
  ["Show the timezone on every exported report", "Reports say which zone their times are in."],
  ["Supervisor barge-in on live calls", "Supervisors join a call to help an agent with a difficult customer."],
  ["Redact card numbers from call recordings", "Card numbers spoken during payment are silenced in recordings."],
  ["Dark theme for the agent desktop", "Easier on the eyes on the night shift."],
  ["Agent skill routing by language", "Route calls to agents who speak the caller's language."],
  ["Agent login report per team", "Who logged in when, per team and day."],
  ["Agent status colours on the wallboard", "Ready, busy and break each with their own colour."],
  ["Queue overflow to a second site", "When a queue waits too long, calls go to the other site's agents."],
  ["Agent greeting per queue", "Each queue plays its own greeting before the agent answers."],
  ["Shift swap requests between agents", "Agents ask to swap shifts and supervisors approve."],
  ["Report of abandoned calls per hour", "Abandoned calls by hour and queue, with the wait before hanging up."],
] as const;
const CONNECT = [
  ["Outbound campaign pacing by agent availability", "The dialer slows when fewer agents are ready."],
  ["Callback number checked before dialling", "A callback goes only to a number that passes validation."],
  ["Survey after each chat", "Customers rate the chat when it ends."],
] as const;

let db: Db;
let customer: User;
let keys: Map<string, string>;
let connectSlug: string;

beforeEach(async () => {
  db = freshDb();
  const engage = await makePortal(db);
  const connect = await makePortal(db);
  connectSlug = connect.slug;
  customer = await makeUser(db, "customer");
  keys = new Map();
  for (const [title, description] of ENGAGE) keys.set(title, createIdea(db, customer, { category: engage.prefix, title, description }).key);
  for (const [title, description] of CONNECT) keys.set(title, createIdea(db, customer, { category: connect.prefix, title, description }).key);
});

const titles = (text: string) => similarIdeas(db, text, customer.id).map((i) => i.title);

describe("similar ideas forgive typos, compounds and spacing", () => {
  // Query → the idea it must find among the five offered (and, where it matters, first).
  const table: [query: string, expected: string, first?: true][] = [
    ["calback in the callers time zone", "Callback scheduling in the customer's time zone", true],
    ["Calback sheduling", "Callback scheduling in the customer's time zone", true],
    ["timezone for callbacks", "Callback scheduling in the customer's time zone", true],
    ["time-zone in reports", "Show the timezone on every exported report", true],
    ["realtime queue statistics", "Export real-time queue statistics to CSV", true],
    ["real time wallboard", "Realtime wallboard for supervisors", true],
    ["scheduled callbacks", "Callback scheduling in the customer's time zone", true],
    ["wallbaord colours", "Wallboard colour themes"],
    ["supervisr bargein", "Supervisor barge-in on live calls", true],
    ["redaction of card numbers in recordngs", "Redact card numbers from call recordings", true],
    ["skil based routing", "Agent skill routing by language", true],
    ["Abandonned calls", "Report of abandoned calls per hour", true],
    // One word shared with many ideas ("agent") does not outrank the idea that shares the rest.
    ["A darker theme on the agent desktop for night shifts", "Dark theme for the agent desktop", true],
    ["agent desktop theme", "Dark theme for the agent desktop", true],
    // Another portal's idea is offered too.
    ["survey after chat", "Survey after each chat", true],
    ["callback numbr validation", "Callback number checked before dialling", true],
  ];
  for (const [query, expected, first] of table) {
    it(`“${query}” finds “${expected}”${first ? " first" : ""}`, () => {
      const found = titles(query);
      expect(found.slice(0, 5)).toContain(expected);
      if (first) expect(found[0]).toBe(expected);
    });
  }

  it("offers nothing for a title of stop-words only, or of punctuation", () => {
    expect(titles("the and of it")).toEqual([]);
    expect(titles("-- * ?")).toEqual([]);
  });

  it("does not offer an idea that shares one word of many", () => {
    const found = titles("Holiday calendar import for public holidays in every country with agents");
    expect(found).toEqual([]);
  });

  it("names each hit's portal, and leaves merged ideas out", async () => {
    const hit = similarIdeas(db, "survey after chat", customer.id)[0];
    expect(hit.portal).toBe(connectSlug);
    const pm = await makeUser(db, "pm");
    moveIdea(db, pm, keys.get("Wallboard colour themes")!, { status: "merged", note: "Same ask as the status colours.", mergeInto: keys.get("Agent status colours on the wallboard") });
    expect(titles("wallbaord colours")).not.toContain("Wallboard colour themes");
  });

  it("the API form checks the portal it is given and still answers from every portal", () => {
    expect(refusal(() => similarIdeasFor(db, customer, { q: "survey", portal: "no-such-portal" })).code).toBe("not_found");
    expect(similarIdeasFor(db, customer, { q: "survy after chat" }).map((i) => i.title)).toEqual(["Survey after each chat"]);
    expect(refusal(() => similarIdeasFor(db, customer, { q: "x".repeat(201) })).fields?.q).toBe("Keep the text under 200 characters.");
  });
});

describe("the list search and the header search forgive typos too", () => {
  it("finds ideas by a misspelt word", () => {
    expect(listIdeas(db, customer, { q: "wallbaord" }).items.map((i) => i.title).sort()).toEqual(["Agent status colours on the wallboard", "Realtime wallboard for supervisors", "Wallboard colour themes"]);
    expect(search(db, customer, { q: "redact recordngs" }).ideas.map((i) => i.title)).toEqual(["Redact card numbers from call recordings"]);
  });
});

describe("the vocabulary", () => {
  const stored = () => new Map(db.select().from(ideaTerms).all().map((r) => [r.term, r.docs]));

  it("always equals a fresh count of the ideas, through creating and editing", async () => {
    expect(stored()).toEqual(recountIdeaTerms(db));
    expect(stored().get("wallboard")).toBe(3);
    editIdea(db, customer, keys.get("Wallboard colour themes")!, { title: "Tile colour themes", description: "Pick the colours of tiles so thresholds stand out." });
    expect(stored()).toEqual(recountIdeaTerms(db));
    expect(stored().get("wallboard")).toBe(2);
    expect(stored().get("tile")).toBe(1);
    // A word no idea uses any more leaves the vocabulary.
    editIdea(db, customer, keys.get("Survey after each chat")!, { title: "Rating after each chat", description: "Customers rate the chat when it ends." });
    expect(stored().has("survey")).toBe(false);
    expect(titles("tile colour")[0]).toBe("Tile colour themes");
  });

  it("is counted once at start-up for ideas written before it existed", () => {
    db.delete(ideaTerms).run();
    expect(titles("calback")).toEqual([]);
    expect(fillIdeaTerms(db)).toBe(recountIdeaTerms(db).size);
    expect(fillIdeaTerms(db)).toBe(0);
    expect(titles("calback")).toContain("Callback scheduling in the customer's time zone");
    expect(rebuildIdeaTerms(db)).toBe(stored().size);
  });
});
