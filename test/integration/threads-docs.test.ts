import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client.server";
import { notifications, stories } from "../../db/schema";
import { decideAtDemo, demoList } from "~/delivery/demo.server";
import { asDeliveredBundle, createDocument, documentDiff, getDocument, saveRevision } from "~/delivery/docs.server";
import { addMember, createProject } from "~/delivery/projects.server";
import { createGoLive } from "~/delivery/release.server";
import { closeSprint, generateSprints, startSprint } from "~/delivery/sprints.server";
import { createFeature, createStory, listBacklog, updateStory } from "~/delivery/stories.server";
import { addFileAttachment, addLinkAttachment, addStoryComment, attachmentFile, setStoryDocKinds, storyThread } from "~/delivery/threads.server";
import { freshDb } from "../support/db";
import { makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function running() {
  const sm = await makeUser(db, "staff");
  const dev = await makeUser(db, "staff");
  const copo = await makeUser(db, "customer", { email: `copo-${Math.random().toString(36).slice(2, 8)}@example.test` });
  const tester = await makeUser(db, "customer");
  const viewer = await makeUser(db, "customer");
  const outsider = await makeUser(db, "customer");
  const project = createProject(db, sm, { name: "Acme Health — IVR", customer: "Acme Health", sowSignedOn: fromToday(-35), staffedOn: fromToday(-35), timeZone: "UTC" });
  addMember(db, sm, project.id, { userId: dev.id, role: "team" });
  addMember(db, sm, project.id, { userId: copo.id, role: "co_product_owner" });
  addMember(db, sm, project.id, { userId: tester.id, role: "team", side: "customer" });
  addMember(db, sm, project.id, { userId: viewer.id, role: "viewer" });
  const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
  const story = createStory(db, sm, project.id, { title: "Route VIP callers to the priority queue", points: 5, acceptanceCriteria: ["VIP list from the CRM", "Answered first"] });
  updateStory(db, sm, story.id, { sprintId: s1.id });
  startSprint(db, sm, s1.id);
  return { sm, dev, copo, tester, viewer, outsider, project, s1, s2, story };
}

function accept(db: Db, actors: { dev: { id: number }; copo: { id: number } } & Record<string, unknown>, sprintId: number, storyId: number) {
  updateStory(db, actors.dev as never, storyId, { status: "done" });
  decideAtDemo(db, actors.copo as never, sprintId, { storyId, decision: "accept", comment: "Works on the test tenant" });
}

describe("customer testing (SPEC A6)", () => {
  it("a failed test creates a linked defect at the top of the backlog; the story passes only once the defect is accepted", async () => {
    const w = await running();
    const { sm, tester, viewer, project, s1, story } = w;
    expect(refusal(() => updateStory(db, tester, story.id, { testStatus: "testing" })).message).toBe("Only an accepted story is tested by the customer.");
    accept(db, w, s1.id, story.id);
    expect(refusal(() => updateStory(db, viewer, story.id, { testStatus: "testing" })).code).toBe("forbidden");
    expect(refusal(() => updateStory(db, tester, story.id, { testStatus: "failed" })).fields?.testNote).toBeDefined();
    updateStory(db, tester, story.id, { testStatus: "testing" });
    updateStory(db, tester, story.id, { testStatus: "failed", testNote: "VIP from the CRM waits behind regular callers" });

    const top = listBacklog(db, sm, project.id)[0];
    expect(top).toMatchObject({ type: "defect", defectOf: story.id, title: `Defect: ${story.title}`, description: "VIP from the CRM waits behind regular callers", status: "todo", sprintId: null });
    expect(db.select().from(stories).where(eq(stories.id, story.id)).get()).toMatchObject({ testStatus: "failed", testById: tester.id });
    expect(db.select().from(notifications).where(eq(notifications.userId, sm.id)).all().map((n) => n.text)).toContain(`Customer test failed on ${story.key} “${story.title}”: a defect is at the top of the backlog.`);

    const conflict = refusal(() => updateStory(db, tester, story.id, { testStatus: "passed" }));
    expect(conflict.code).toBe("conflict");
    expect(conflict.message).toBe("1 linked defect is not accepted yet: the story passes once it is.");
    // The defect is fixed in the next sprint and accepted at its demo.
    closeSprint(db, sm, s1.id, { unfinished: "backlog" });
    const [, s2] = [s1, w.s2];
    updateStory(db, sm, top.id, { sprintId: s2.id });
    startSprint(db, sm, s2.id);
    accept(db, w, s2.id, top.id);
    expect(updateStory(db, tester, story.id, { testStatus: "passed", testNote: "Retested with the CRM list" })).toMatchObject({ testStatus: "passed" });

    const thread = storyThread(db, sm, story.id);
    expect(thread.comments.map((c) => c.kind)).toEqual(["demo", "test", "test", "test", "test"]);
    expect(thread.comments[0].body).toBe("Sprint 1 demo: **Accepted** — Works on the test tenant");
    expect(thread.comments.at(-1)!.body).toBe("Customer test: **Passed** — Retested with the CRM list");
    expect(thread.defects).toEqual([{ id: top.id, title: top.title, status: "accepted" }]);
  });
});

describe("story threads and attachments (SPEC A2)", () => {
  it("comments render safe Markdown and notify the members they @mention", async () => {
    const { dev, copo, outsider, story } = await running();
    const handle = copo.email.split("@")[0];
    addStoryComment(db, dev, story.id, { body: `@${handle} can you confirm the **VIP list** source? <script>alert(1)</script>` });
    expect(db.select().from(notifications).where(eq(notifications.userId, copo.id)).all().map((n) => n.link)).toContainEqual(expect.stringMatching(new RegExp(`^/stories/${story.id}#comment-\\d+$`)));
    const [comment] = storyThread(db, dev, story.id).comments;
    expect(comment.html).toContain("<strong>VIP list</strong>");
    expect(comment.html).not.toContain("<script>");
    expect(refusal(() => addStoryComment(db, outsider, story.id, { body: "hi" })).code).toBe("not_found");
    expect(refusal(() => addStoryComment(db, dev, story.id, { body: "  " })).fields?.body).toBe("Write the comment.");
  });

  it("a file is kept only if its row commits, and files, their folder and the database are readable by the server's user only", async () => {
    const { dev, story } = await running();
    const dir = join(mkdtempSync(join(tmpdir(), "sprintlab-attachments-")), "attachments");
    const bytes = new TextEncoder().encode("VIP list");
    const saved = addFileAttachment(db, dev, story.id, { name: "vip.txt", size: bytes.length, bytes }, dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, saved.storedAs!)).mode & 0o777).toBe(0o600);

    // The row cannot be written (the database refuses writes): no file is left behind.
    db.$client.pragma("query_only = ON");
    try {
      expect(() => addFileAttachment(db, dev, story.id, { name: "second.txt", size: bytes.length, bytes }, dir)).toThrow();
    } finally {
      db.$client.pragma("query_only = OFF");
    }
    expect(readdirSync(dir)).toEqual([saved.storedAs]);

    const fresh = join(mkdtempSync(join(tmpdir(), "sprintlab-data-")), "data", "sprintlab.db");
    openDatabase(fresh).$client.close();
    expect(statSync(dirname(fresh)).mode & 0o777).toBe(0o700);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });

  it("files up to 10 MB of allowed types are kept under the data folder and given only to project members", async () => {
    const { sm, dev, viewer, outsider, story } = await running();
    const dir = mkdtempSync(join(tmpdir(), "sprintlab-attachments-"));
    const bytes = new TextEncoder().encode("Queue,VIP\nPriority,yes\n");
    const tooBig = { name: "recording.wav", size: 10 * 1024 * 1024 + 1, bytes: new Uint8Array(1) };
    expect(refusal(() => addFileAttachment(db, dev, story.id, tooBig, dir)).fields?.file).toMatch(/at most 10 MB/);
    for (const name of ["setup.exe", "page.html", "logo.svg", "noextension"]) {
      expect(refusal(() => addFileAttachment(db, dev, story.id, { name, size: 3, bytes: new Uint8Array(3) }, dir)).fields?.file, name).toMatch(/not accepted/);
    }
    expect(refusal(() => addFileAttachment(db, dev, story.id, { name: "empty.txt", size: 0, bytes: new Uint8Array() }, dir)).fields?.file).toBe("The file is empty.");
    expect(refusal(() => addFileAttachment(db, viewer, story.id, { name: "vip.csv", size: bytes.length, bytes }, dir)).code).toBe("forbidden");

    const saved = addFileAttachment(db, dev, story.id, { name: "C:\\Users\\dev\\vip-list.csv", size: bytes.length, bytes }, dir);
    expect(saved).toMatchObject({ name: "vip-list.csv", contentType: "text/csv; charset=utf-8", size: bytes.length });
    expect(saved.storedAs).toMatch(/^[0-9a-f]{32}\.bin$/);
    const file = attachmentFile(db, viewer, saved.id, dir);
    expect(readFileSync(file.path, "utf8")).toBe("Queue,VIP\nPriority,yes\n");
    expect(refusal(() => attachmentFile(db, outsider, saved.id, dir)).code).toBe("not_found");
    const staff = await makeUser(db, "staff");
    expect(refusal(() => attachmentFile(db, staff, saved.id, dir)).code).toBe("not_found");

    expect(refusal(() => addLinkAttachment(db, dev, story.id, { name: "Bad", url: "javascript:alert(1)" })).fields?.url).toBeDefined();
    addLinkAttachment(db, dev, story.id, { name: "Call flow in Visio online", url: "https://docs.example.com/flows/vip" });
    expect(storyThread(db, sm, story.id).attachments.map((a) => [a.kind, a.name])).toEqual([
      ["file", "vip-list.csv"],
      ["link", "Call flow in Visio online"],
    ]);
    // Staff who are not members read the project (the portfolio) but never its files.
    expect(storyThread(db, staff, story.id).attachments).toEqual([]);
  });
});

describe("As-Delivered documents (SPEC A7)", () => {
  it("stamps each revision with the active sprint, diffs any two, and the demo flags stories whose documents were not revised", async () => {
    const w = await running();
    const { sm, dev, project, s1, story } = w;
    const doc = createDocument(db, dev, project.id, { kind: "call_flows", title: "Main IVR call flow", body: "# Main menu\n1 sales\n2 support\n" });
    saveRevision(db, dev, doc.id, { body: "# Main menu\n1 sales\n2 support\n3 billing\n", note: "Billing option" });
    expect(refusal(() => saveRevision(db, dev, doc.id, { body: "# Main menu\n1 sales\n2 support\n3 billing\n" })).fields?.body).toBe("Nothing changed since the last revision.");
    expect(refusal(() => saveRevision(db, w.viewer, doc.id, { body: "x" })).code).toBe("forbidden");
    const shown = getDocument(db, sm, doc.id);
    expect(shown.history.map((r) => [r.number, r.sprint, r.summary])).toEqual([
      [1, 1, { added: 3, removed: 0 }],
      [2, 1, { added: 1, removed: 0 }],
    ]);
    expect(documentDiff(db, sm, doc.id, 1, 2).lines.filter((l) => l.kind !== "same")).toEqual([{ kind: "add", text: "3 billing" }]);

    setStoryDocKinds(db, dev, story.id, { docKinds: ["call_flows", "design"] });
    updateStory(db, dev, story.id, { status: "done" });
    expect(demoList(db, sm, s1.id).stories.find((s) => s.id === story.id)?.missingDocs).toEqual(["design"]);
    closeSprint(db, sm, s1.id, { unfinished: "backlog" });
    // Between sprints a save carries no sprint.
    expect(saveRevision(db, dev, doc.id, { body: "# Main menu\n1 sales\n" }).sprintId).toBeNull();
  });

  it("the go-live bundle holds each document at its revision current on the cutover date, with what changed since the previous go-live", async () => {
    const sm = await makeUser(db, "staff");
    const project = createProject(db, sm, { name: "Acme Health — IVR", customer: "Acme Health", sowSignedOn: "2026-01-05", staffedOn: "2026-01-05", timeZone: "UTC" });
    const [s1, s2] = generateSprints(db, sm, project.id, { count: 2 });
    const f = createFeature(db, sm, project.id, { name: "IVR" });
    const gl1 = createGoLive(db, sm, project.id, { name: "Go-live 1", sprintId: s1.id, featureIds: [f.id] });
    const gl2 = createGoLive(db, sm, project.id, { name: "Go-live 2", sprintId: s2.id, featureIds: [createFeature(db, sm, project.id, { name: "Callback" }).id] });
    const at = (date: string) => new Date(`${date}T12:00:00Z`);
    const doc = createDocument(db, sm, project.id, { kind: "design", title: "Solution design", body: "v1" }, at("2026-02-10"));
    saveRevision(db, sm, doc.id, { body: "v1\nv2 line" }, at(gl1.cutoverOn));
    saveRevision(db, sm, doc.id, { body: "v1\nv2 line\nv3 line" }, at("2026-03-02"));
    saveRevision(db, sm, doc.id, { body: "after go-live 2" }, at("2026-04-30"));

    const first = asDeliveredBundle(db, sm, gl1.id);
    expect(first.previous).toBeNull();
    expect(first.entries[0].revision?.number).toBe(2);
    expect(first.entries[0].sincePrevious).toMatchObject({ from: null, summary: { added: 2, removed: 0 } });
    const second = asDeliveredBundle(db, sm, gl2.id);
    expect(second.previous?.name).toBe("Go-live 1");
    expect(second.entries[0].revision?.number).toBe(3);
    expect(second.entries[0].sincePrevious?.from).toBe(2);
    expect(second.entries[0].sincePrevious?.summary).toEqual({ added: 1, removed: 0 });
    expect(second.entries[0].sincePrevious?.revisions.map((r) => r.number)).toEqual([3]);
  });
});
