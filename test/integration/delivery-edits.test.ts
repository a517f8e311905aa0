import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { features, goLiveChanges, goLives } from "../../db/schema";
import { deleteGoLive, updateGoLive } from "~/delivery/go-live-edits.server";
import { createGoLive, decideGoLive, goLiveLog, releasePlan } from "~/delivery/release.server";
import { generateSprints } from "~/delivery/sprints.server";
import { createFeature } from "~/delivery/stories.server";
import { markGoLiveDone } from "~/ideas-delivery/go-live-done.server";
import { freshDb } from "../support/db";
import { makeDeliveryTeam } from "../support/factories";
import { refusal } from "../support/refusal";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

async function planned() {
  const team = await makeDeliveryTeam(db);
  const { sm, po, project } = team;
  const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
  const voice = createFeature(db, po, project.id, { name: "Inbound voice" });
  const callback = createFeature(db, po, project.id, { name: "Web callback" });
  const chat = createFeature(db, po, project.id, { name: "Web chat" });
  const first = createGoLive(db, po, project.id, { name: "Go-live 1", sprintId: s1.id, featureIds: [voice.id] });
  const second = createGoLive(db, po, project.id, { name: "Go-live 2", sprintId: s2.id, featureIds: [callback.id] });
  return { ...team, s1, s2, voice, callback, chat, first, second };
}

describe("changing a go-live", () => {
  it("renames, re-scopes, sets hypercare and a release note, each in the change log", async () => {
    const { sm, first, voice, callback, chat, second } = await planned();
    const saved = updateGoLive(db, sm, first.id, { name: "Go-live 1: inbound voice", featureIds: [voice.id, chat.id, callback.id], hypercareEndsOn: "2026-03-20", releaseNoteUrl: "https://example.test/notes/voice", reason: "Customer asked for chat with voice" });
    expect(saved).toMatchObject({ name: "Go-live 1: inbound voice", hypercareEnd: "2026-03-20", releaseNoteUrl: "https://example.test/notes/voice", cutoverOn: first.cutoverOn });
    expect(saved.calendarSequence).toBe(1);
    expect(goLiveLog(db, first.id).slice(1).map((l) => [l.kind, l.from, l.to, l.reason])).toEqual([
      ["name", "Go-live 1", "Go-live 1: inbound voice", "Customer asked for chat with voice"],
      ["hypercare", first.hypercareEnd, "2026-03-20", "Customer asked for chat with voice"],
      ["release_note", null, "https://example.test/notes/voice", "Customer asked for chat with voice"],
      ["feature_in", String(second.id), "Web callback", "Customer asked for chat with voice"],
      ["feature_in", null, "Web chat", "Customer asked for chat with voice"],
    ]);
    expect(goLiveLog(db, second.id).at(-1)).toMatchObject({ kind: "feature_out", from: "Web callback", to: String(first.id) });

    // Taking a feature out of scope leaves it unplanned, logged; an empty scope is refused.
    updateGoLive(db, sm, first.id, { featureIds: [voice.id, callback.id] });
    expect(db.select().from(features).where(eq(features.id, chat.id)).get()!.goLiveId).toBeNull();
    expect(goLiveLog(db, first.id).at(-1)).toMatchObject({ kind: "feature_out", from: "Web chat", to: null });
    expect(refusal(() => updateGoLive(db, sm, first.id, { featureIds: [] })).fields).toEqual({ featureIds: "Choose at least one feature for its scope." });
    expect(refusal(() => updateGoLive(db, sm, first.id, { name: " " })).fields).toEqual({ name: "Name the go-live." });
    expect(refusal(() => updateGoLive(db, sm, first.id, { releaseNoteUrl: "javascript:alert(1)" })).fields?.releaseNoteUrl).toMatch(/http/);
    // Clearing the release note before done.
    expect(updateGoLive(db, sm, first.id, { releaseNoteUrl: null }).releaseNoteUrl).toBeNull();
  });

  it("keeps the planning rules: hypercare on or after the cutover, a cutover not before the sprint, a reason for a date move", async () => {
    const { po, first, s1, s2 } = await planned();
    const late = refusal(() => updateGoLive(db, po, first.id, { hypercareEndsOn: "2026-01-01" }));
    expect(late.fields).toEqual({ hypercareEndsOn: `Hypercare ends on the cutover (${first.cutoverOn}) or later.` });
    expect(refusal(() => updateGoLive(db, po, first.id, { cutoverOn: "2026-03-20" })).fields).toEqual({ reason: "Say why the date moves." });
    expect(refusal(() => updateGoLive(db, po, first.id, { cutoverOn: "2026-01-20", reason: "Earlier" })).fields?.cutoverOn).toMatch(/or later/);
    // The cutover moves: hypercare moves with it, keeping its length.
    const moved = updateGoLive(db, po, first.id, { cutoverOn: "2026-02-21", reason: "Weekend-night cutover" });
    expect(moved).toMatchObject({ cutoverOn: "2026-02-21", hypercareEnd: "2026-03-07" });
    // To another sprint: the cutover follows to that sprint's last working day unless given.
    const later = updateGoLive(db, po, first.id, { sprintId: s2.id, reason: "Carrier port-in moved" });
    expect(later.sprintId).toBe(s2.id);
    expect(later.cutoverOn > s2.start && later.cutoverOn <= s2.end).toBe(true);
    expect(goLiveLog(db, first.id).slice(-3).map((l) => l.kind)).toEqual(["sprint", "date", "hypercare"]);
    expect(refusal(() => updateGoLive(db, po, first.id, { sprintId: s1.id, cutoverOn: "2026-01-01", reason: "Back" })).fields?.cutoverOn).toMatch(/or later/);
  });

  it("a done go-live changes only its name and hypercare; team members and viewers change nothing", async () => {
    const { sm, po, dev, viewer, outsider, first, callback } = await planned();
    markGoLiveDone(db, po, first.id, { releaseNoteUrl: "https://example.test/notes/1" });
    expect(updateGoLive(db, sm, first.id, { name: "Go-live 1 (voice)", hypercareEndsOn: "2026-04-30" })).toMatchObject({ name: "Go-live 1 (voice)", hypercareEnd: "2026-04-30" });
    const frozen = refusal(() => updateGoLive(db, sm, first.id, { featureIds: [callback.id], releaseNoteUrl: "https://example.test/other" }));
    expect(frozen.code).toBe("conflict");
    expect(frozen.message).toBe("Go-live 1 (voice) is done: its scope and release note are what shipped and no longer change.");
    expect(refusal(() => updateGoLive(db, dev, first.id, { name: "Mine" })).code).toBe("forbidden");
    expect(refusal(() => updateGoLive(db, viewer, first.id, { name: "Mine" })).code).toBe("forbidden");
    expect(refusal(() => updateGoLive(db, outsider, first.id, { name: "Mine" })).code).toBe("not_found");
  });
});

describe("deleting a go-live", () => {
  it("asks to confirm, then deletes it with its log; its features are unplanned again", async () => {
    const { sm, dev, project, second, callback } = await planned();
    expect(refusal(() => deleteGoLive(db, dev, second.id)).code).toBe("forbidden");
    const asked = refusal(() => deleteGoLive(db, sm, second.id, { confirmation: { given: "" } }));
    expect(asked.consequence).toBe("Go-live 2 is deleted with its change log; its 1 feature goes back to the unplanned features.");
    expect(db.select().from(goLives).where(eq(goLives.id, second.id)).get()).toBeDefined();
    expect(deleteGoLive(db, sm, second.id, { confirmation: { given: asked.consequence } })).toEqual({ name: "Go-live 2", projectId: project.id });
    expect(db.select().from(goLives).where(eq(goLives.id, second.id)).get()).toBeUndefined();
    expect(db.select().from(goLiveChanges).where(eq(goLiveChanges.goLiveId, second.id)).all()).toEqual([]);
    const plan = releasePlan(db, sm, project.id);
    expect(plan.goLives.map((g) => g.name)).toEqual(["Go-live 1"]);
    expect(plan.unscoped.map((f) => f.featureId)).toContain(callback.id);
  });

  it("refuses with a sentence once a go / no-go is recorded or it is done", async () => {
    const { sm, po, copo, first, second } = await planned();
    decideGoLive(db, copo, second.id, { decision: "no_go", comment: "Carrier not ready" });
    const decided = refusal(() => deleteGoLive(db, sm, second.id));
    expect(decided.code).toBe("conflict");
    expect(decided.message).toBe("A no-go was recorded for Go-live 2, and its acceptance record names it, so it cannot be deleted.");
    markGoLiveDone(db, po, first.id, { releaseNoteUrl: "https://example.test/notes/1" });
    expect(refusal(() => deleteGoLive(db, sm, first.id)).message).toBe("Go-live 1 is done, so it stays in the history.");
  });
});
