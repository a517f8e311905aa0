import { and, asc, eq, sql } from "drizzle-orm";
import { addDays, format, parseISO } from "date-fns";
import type { Db } from "../client.server";
import { ideaStatusChanges, ideaVotes, ideas, slaClocks, users } from "../schema";
import { appToday } from "../../app/lib/app-time";
import { holidaySet } from "../../app/calendar/holidays.server";
import { addComment, editComment, toggleWorkaroundConfirmation } from "../../app/ideas/comments.server";
import { createIdea } from "../../app/ideas/ideas.server";
import { moveIdea } from "../../app/ideas/idea-moves.server";
import { createPortal, saveCategory } from "../../app/ideas/portals.server";
import { slaDueDate } from "../../app/ideas/sla";
import { castVote, voteBalance } from "../../app/ideas/votes.server";
import { createUser, type User } from "../../app/auth/users.server";
import { DEMO_PASSWORD } from "./users";

const PORTALS = [
  {
    slug: "pureengage",
    name: "PureEngage",
    categories: [
      ["Analytics & Reporting", "COANA"],
      ["Routing & Designer", "CORTE"],
      ["Agent Workspace", "COAWS"],
      ["Outbound", "COOUT"],
    ],
  },
  {
    slug: "pureconnect",
    name: "PureConnect",
    // A smaller customer base: its ideas reach review at 10 customer and partner votes.
    voteThreshold: 10,
    categories: [
      ["Interaction Administrator", "CIADM"],
      ["Reporting", "CIREP"],
      ["Recorder & QM", "CIREC"],
    ],
  },
  {
    slug: "purecloud",
    name: "PureCloud",
    categories: [
      ["Architect", "PCARC"],
      ["Workforce Management", "PCWFM"],
      ["Speech & Text Analytics", "PCSTA"],
    ],
  },
] as const;

type Plan = "community_review" | "under_pm_review" | "overdue" | "accepted" | "in_development" | "delivered" | "not_planned" | "merged";

type SeedIdea = { category: string; title: string; description: string; plan: Plan; votes: number };

/** Per portal, ideas in every status, in the voice of DEMO-CONTENT.md. */
const IDEAS: SeedIdea[] = [
  { category: "COANA", plan: "accepted", votes: 9, title: "Report transfers and consult calls per segment", description: "Today's interaction summary puts the whole talk time on the last agent and workgroup and the first IVR skill, which creates impossible combinations. We need a per-segment table with the right workgroup and skill for each leg of a transferred or consulted call." },
  { category: "COANA", plan: "community_review", votes: 6, title: "Export real-time queue statistics to CSV on a schedule", description: "Supervisors copy the real-time queue view into spreadsheets every 15 minutes. A scheduled CSV export (to SFTP or email) of calls waiting, longest wait and agents available per queue would save them hours a week." },
  { category: "CORTE", plan: "overdue", votes: 4, title: "Callback scheduling in the customer's time zone", description: "When a caller in another time zone asks for a callback at 9 am, the slot is offered in the contact center's time zone. Offer and confirm callback slots in the caller's own time zone, detected from the number or chosen in the IVR." },
  { category: "CORTE", plan: "merged", votes: 2, title: "Offer callbacks in the caller's local time", description: "Callers outside our region get callback times that make no sense to them. The callback menu should speak their local time." },
  { category: "COAWS", plan: "in_development", votes: 7, title: "Show the caller's previous interactions before answering", description: "Agents answer blind and then search the history while the caller waits. Show the last five interactions (channel, date, disposition, agent notes) in the agent desktop while the call is still ringing." },
  { category: "COAWS", plan: "delivered", votes: 5, title: "Keyboard shortcuts for wrap-up codes", description: "Agents handle 80 calls a day and pick a wrap-up code with the mouse each time. Number keys 1–9 for the nine most used codes would shave seconds off every call." },
  { category: "COOUT", plan: "not_planned", votes: 1, title: "Dial outbound campaigns from agents' mobile phones", description: "Let remote agents place campaign calls from their personal mobile phones instead of the softphone, so they can work without a headset." },
  { category: "COOUT", plan: "community_review", votes: 3, title: "Pause a campaign automatically when the abandon rate passes a limit", description: "Regulators cap the abandon rate at 3%. The campaign should pause itself (and tell the supervisor) when the rolling abandon rate passes a configurable limit, instead of someone watching the dashboard." },
  { category: "CIADM", plan: "under_pm_review", votes: 8, title: "View the operation log of supervisor actions", description: "We need to see who changed an operator's ACD skills, their active and inactive queues, or their on-queue and off-queue status, and when, to answer audit questions and settle disputes." },
  // With the demo customer's vote, 9 of PureConnect's 10: one customer or partner vote short of review.
  { category: "CIADM", plan: "community_review", votes: 8, title: "Bulk-edit agent skills from a spreadsheet upload", description: "Re-skilling 300 agents before a seasonal peak takes a day of clicking. Upload a spreadsheet of agent, skill and proficiency and apply it in one go, with a preview of the changes." },
  { category: "CIREP", plan: "accepted", votes: 6, title: "Service level by 15-minute interval in the queue report", description: "The queue performance report only goes down to the hour. Workforce planners need service level, offered and answered calls per 15-minute interval to match their forecasts." },
  { category: "CIREP", plan: "delivered", votes: 4, title: "Include transferred-out calls in the agent summary", description: "The agent summary report leaves out calls the agent transferred, so agents who help colleagues look less productive than they are. Count transferred-out calls and their talk time." },
  { category: "CIREC", plan: "in_development", votes: 5, title: "Redact card numbers from chat transcripts automatically", description: "Customers paste card numbers into chat despite the warning. Recorded transcripts must not keep them: detect and mask card numbers (Luhn-valid digit runs) before the transcript is stored." },
  { category: "CIREC", plan: "not_planned", votes: 2, title: "Store screen recordings on our own file server", description: "Keep screen recordings on a customer-managed Windows file share instead of the recorder's storage." },
  { category: "CIREC", plan: "merged", votes: 1, title: "Mask payment card digits in stored chats", description: "Card numbers typed into chat end up in the stored transcript. They should be masked." },
  { category: "PCARC", plan: "community_review", votes: 4, title: "Reusable IVR menu blocks across flows", description: "We copy the same language-selection and authentication menus into forty Architect flows. Let us build a block once and call it from many flows, so one change updates them all." },
  { category: "PCARC", plan: "under_pm_review", votes: 7, title: "Test an Architect flow with simulated caller input", description: "Before publishing a flow we call it from a phone and press keys. A simulator that plays the prompts and takes DTMF and speech input would let us test every branch without dialling." },
  { category: "PCWFM", plan: "accepted", votes: 8, title: "Forecast accuracy report per activity in workforce management", description: "We cannot tell which activities (voice, chat, email, back office) our forecasts get wrong. Report forecast versus actual volume and handle time per activity and interval, with the error percentage." },
  { category: "PCWFM", plan: "delivered", votes: 6, title: "Agents swap shifts without a supervisor", description: "Shift swaps go through supervisors by email. Let agents offer and accept swaps in the schedule themselves, within the rules (skills, hours, rest time), and notify the supervisor." },
  { category: "PCWFM", plan: "in_development", votes: 3, title: "Time-off requests that respect the weekly allowance", description: "Agents request time off that the planners must then refuse because the week's allowance is used. Show the remaining allowance per day when requesting and refuse automatically when it is gone." },
  { category: "PCSTA", plan: "not_planned", votes: 1, title: "Sentiment score for internal agent-to-agent chats", description: "Run sentiment analysis on agents' internal chats to spot frustrated teams." },
  { category: "PCSTA", plan: "merged", votes: 1, title: "Flag calls where the customer sounds upset", description: "Highlight calls with negative customer sentiment so supervisors can listen in." },
  { category: "PCSTA", plan: "community_review", votes: 5, title: "Alert supervisors when customer sentiment drops during a call", description: "Speech analytics scores sentiment after the call. A live alert when sentiment drops sharply during the call would let a supervisor step in while it still matters." },
];

const MERGE_TARGETS: Record<string, string> = {
  "Offer callbacks in the caller's local time": "Callback scheduling in the customer's time zone",
  "Mask payment card digits in stored chats": "Redact card numbers from chat transcripts automatically",
  "Flag calls where the customer sounds upset": "Alert supervisors when customer sentiment drops during a call",
};

const VOTERS: [string, string, "customer" | "partner", string][] = [
  ["Hannah Becker", "hannah.becker@acmehealth.example", "customer", "Acme Health"],
  ["Omar Haddad", "omar.haddad@acmehealth.example", "customer", "Acme Health"],
  ["Lena Novak", "lena.novak@northwind.example", "customer", "Northwind Bank"],
  ["Ravi Patel", "ravi.patel@northwind.example", "customer", "Northwind Bank"],
  ["Sofia Alvarez", "sofia.alvarez@fabrikam.example", "customer", "Fabrikam Insurance"],
  ["Tom Eriksen", "tom.eriksen@fabrikam.example", "customer", "Fabrikam Insurance"],
  ["Aiko Tanaka", "aiko.tanaka@tailspin.example", "customer", "Tailspin Airlines"],
  ["Ben Carter", "ben.carter@tailspin.example", "customer", "Tailspin Airlines"],
  ["Nadia Petrova", "nadia.petrova@contoso.example", "partner", "Contoso Partners"],
  ["Luis Romero", "luis.romero@contoso.example", "partner", "Contoso Partners"],
  ["Mei Chen", "mei.chen@wingtip.example", "customer", "Wingtip Telecom"],
  ["Jonas Weber", "jonas.weber@wingtip.example", "customer", "Wingtip Telecom"],
  ["Fatima Ndiaye", "fatima.ndiaye@adatum.example", "partner", "Adatum Consulting"],
  ["Chris Walsh", "chris.walsh@adatum.example", "partner", "Adatum Consulting"],
];

function daysFrom(today: string, days: number): string {
  return format(addDays(parseISO(today), days), "yyyy-MM-dd");
}

export async function seedIdeas(db: Db): Promise<void> {
  const byEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get()! as User;
  const admin = byEmail("admin@example.com");
  const pm = byEmail("pm@example.com");
  const pm2 = byEmail("pm2@example.com");
  const pmOf = (category: string) => (category.startsWith("CI") ? pm2 : pm);
  const customer = byEmail("customer@example.com");
  const partner = byEmail("partner@example.com");
  const today = appToday();

  for (const p of PORTALS) {
    createPortal(db, admin, { name: p.name, slug: p.slug, voteThreshold: "voteThreshold" in p ? p.voteThreshold : 20 });
    // Two PMs: Tomás owns PureConnect's categories, Priya the others.
    const owner = p.slug === "pureconnect" ? pm2 : pm;
    for (const [name, keyPrefix] of p.categories) saveCategory(db, admin, p.slug, null, { name, keyPrefix, pmId: owner.id });
  }

  const voters: User[] = [];
  for (const [name, email, role, company] of VOTERS) {
    voters.push(await createUser(db, null, { name, email, role, company, password: DEMO_PASSWORD }));
  }
  const authors = [customer, partner, ...voters];

  const keyOf = new Map<string, string>();
  const ideaIdOf = (key: string) => db.select({ id: ideas.id }).from(ideas).where(eq(ideas.key, key)).get()!.id;
  IDEAS.forEach((idea, i) => {
    const author = authors[i % authors.length];
    keyOf.set(idea.title, createIdea(db, author, { category: idea.category, title: idea.title, description: idea.description }).key);
  });

  // Votes first (while every idea is open), then the PM's moves.
  // Each vote goes to the next voter who still has one to spend on this idea.
  let next = 0;
  for (const idea of IDEAS) {
    for (let v = 0; v < idea.votes; v++) {
      const key = keyOf.get(idea.title)!;
      for (let tries = 0; tries < voters.length; tries++) {
        const voter = voters[next++ % voters.length];
        const balance = voteBalance(db, voter.id);
        const already = db.select().from(ideaVotes).where(and(eq(ideaVotes.userId, voter.id), eq(ideaVotes.ideaId, ideaIdOf(key)))).get();
        if (balance.available > 0 && !already) {
          castVote(db, voter, key);
          break;
        }
      }
    }
  }
  // The demo customer has spent 7 of 10 votes, on open ideas.
  const openForCustomer = IDEAS.filter((i) => ["community_review", "under_pm_review", "overdue", "accepted", "in_development"].includes(i.plan)).slice(0, 7);
  for (const idea of openForCustomer) castVote(db, customer, keyOf.get(idea.title)!);
  // She also voted for the duplicate of an idea she had voted for: at the merge that vote comes
  // back to her (so she still has 7 spent), and the duplicate's page says one vote came back.
  castVote(db, customer, keyOf.get("Offer callbacks in the caller's local time")!);

  const target = daysFrom(today, 150);
  for (const idea of IDEAS) {
    const title = idea.title;
    const path: Record<string, unknown>[] = [];
    const review = { status: "under_pm_review", note: "Thanks for the votes — we are reviewing this with engineering." };
    if (idea.plan === "under_pm_review" || idea.plan === "overdue") path.push(review);
    if (["accepted", "in_development", "delivered"].includes(idea.plan)) {
      path.push(review, { status: "accepted", note: "Planned for a release within the year.", targetDate: target });
    }
    if (idea.plan === "in_development" || idea.plan === "delivered") path.push({ status: "in_development", note: "Engineering has started; we will post progress here." });
    if (idea.plan === "delivered") path.push({ status: "delivered", note: "Shipped — see the release note.", releaseNoteUrl: `https://docs.example.com/release-notes/${keyOf.get(title)!.toLowerCase()}` });
    if (idea.plan === "not_planned") path.push({ status: "not_planned", note: "This does not fit the product direction: it would bypass the platform's security and recording controls." });
    if (idea.plan === "merged") path.push({ status: "merged", note: "Same need as the idea it is merged into; votes and followers moved there.", mergeInto: keyOf.get(MERGE_TARGETS[title]) });
    for (const step of path) moveIdea(db, pmOf(idea.category), keyOf.get(title)!, step);
  }

  // Conversations: a peer work-around (confirmed), an official update, a question.
  const segments = keyOf.get(IDEAS[0].title)!;
  const tip = addComment(db, partner, segments, { kind: "workaround", body: "Until this ships: enable “Track Routing Exceptions” in the interaction tracker settings. It records each transfer as its own segment, which you can report on." });
  toggleWorkaroundConfirmation(db, voters[0], segments, tip.id);
  toggleWorkaroundConfirmation(db, voters[2], segments, tip.id);
  addComment(db, voters[1], segments, { kind: "comment", body: "Same at Acme Health: our transfer rate looks like zero in the summary because of this." });
  addComment(db, pm, segments, { kind: "official", body: "Accepted for the segment-level reporting work. Transfers and consults will each get their own row with workgroup and skill." });
  const agentHistory = keyOf.get("Show the caller's previous interactions before answering")!;
  addComment(db, pm, agentHistory, { kind: "official", body: "Design is done and the history panel is in development; a preview will be on the test tenant next month." });
  const crm = addComment(db, customer, agentHistory, { kind: "comment", body: "Could the panel also show open cases from our CRM? That is what agents ask for first." });
  addComment(db, pm, agentHistory, { kind: "comment", body: "Open CRM cases are on the list for the second preview. Which CRM do your agents use?", parentId: crm.id });
  const queueCsv = keyOf.get("Export real-time queue statistics to CSV on a schedule")!;
  const sftp = addComment(db, voters[4], queueCsv, { kind: "comment", body: "SFTP would work for us." });
  // Corrected by its author: PMs and admins can show the earlier text.
  editComment(db, voters[4], queueCsv, sftp.id, { body: "SFTP would work for us; email is blocked for attachments by our security team." });

  backdate(db, today);
}

/**
 * Spread the seeded history over the last months so lists, SLA clocks and charts look lived in:
 * ideas created weeks apart, each status change some days after the previous one, and SLA clocks
 * dated from their Under PM Review change. The overdue demo idea entered review 60 days ago.
 */
function backdate(db: Db, today: string) {
  const holidays = holidaySet(db);
  const all = db.select({ id: ideas.id, title: ideas.title }).from(ideas).orderBy(asc(ideas.id)).all();
  all.forEach((idea, i) => {
    const plan = IDEAS.find((s) => s.title === idea.title)?.plan;
    const created = daysFrom(today, -(260 - i * 9));
    db.update(ideas).set({ createdAt: `${created}T10:00:00.000Z` }).where(eq(ideas.id, idea.id)).run();
    const changes = db.select().from(ideaStatusChanges).where(eq(ideaStatusChanges.ideaId, idea.id)).orderBy(asc(ideaStatusChanges.id)).all();
    let day = created;
    changes.forEach((change, j) => {
      if (j > 0) day = daysFrom(day, 14 + ((i + j) % 5) * 4);
      // Ideas still under review: one clock long overdue, the others entered in the last weeks.
      if (plan === "overdue" && change.toStatus === "under_pm_review") day = daysFrom(today, -60);
      if (plan === "under_pm_review" && change.toStatus === "under_pm_review") day = daysFrom(today, -(6 + (i % 3) * 5));
      if (day > today) day = today;
      db.update(ideaStatusChanges).set({ at: `${day}T${String(9 + j).padStart(2, "0")}:00:00.000Z` }).where(eq(ideaStatusChanges.id, change.id)).run();
      if (j === changes.length - 1) db.update(ideas).set({ statusChangedAt: `${day}T09:00:00.000Z` }).where(eq(ideas.id, idea.id)).run();
    });
    const clock = db.select().from(slaClocks).where(eq(slaClocks.ideaId, idea.id)).get();
    if (clock) {
      const entered = changes.findIndex((c) => c.toStatus === "under_pm_review");
      const enteredOn = db.select({ at: ideaStatusChanges.at }).from(ideaStatusChanges).where(eq(ideaStatusChanges.id, changes[entered].id)).get()!.at.slice(0, 10);
      const next = changes[entered + 1];
      const answeredOn = next ? db.select({ at: ideaStatusChanges.at }).from(ideaStatusChanges).where(eq(ideaStatusChanges.id, next.id)).get()!.at.slice(0, 10) : null;
      db.update(slaClocks).set({ enteredOn, dueOn: slaDueDate(enteredOn, holidays), answeredOn }).where(eq(slaClocks.id, clock.id)).run();
    }
  });
  db.run(sql`UPDATE comments SET created_at = (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', status_changed_at, '+' || (comments.id * 3) || ' hours') FROM ideas WHERE ideas.id = comments.idea_id)`);
  // A corrected comment was corrected two hours after it was written (the demo edits each once).
  db.run(sql`UPDATE comments SET edited_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+2 hours') WHERE edited_at IS NOT NULL`);
  db.run(sql`UPDATE comment_revisions SET written_at = (SELECT c.created_at FROM comments c WHERE c.id = comment_revisions.comment_id), at = (SELECT c.edited_at FROM comments c WHERE c.id = comment_revisions.comment_id)`);
  db.run(sql`UPDATE idea_votes SET at = (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+3 days') FROM ideas WHERE ideas.id = idea_votes.idea_id)`);
  db.run(sql`UPDATE vote_ledger SET at = (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+' || ((vote_ledger.id % 40) + 2) || ' days') FROM ideas WHERE ideas.id = vote_ledger.idea_id) WHERE idea_id IS NOT NULL AND kind = 'spend' AND reason NOT LIKE 'Vote moved from %'`);
  const closedAt = (ideaId: string) => sql.raw(`(SELECT max(c.at) FROM idea_status_changes c JOIN ideas s ON s.id = c.idea_id WHERE c.idea_id = ${ideaId} AND c.to_status = s.status)`);
  // A vote on a closed idea was cast before it closed.
  db.run(sql`UPDATE vote_ledger SET at = strftime('%Y-%m-%dT%H:%M:%fZ', ${closedAt("vote_ledger.idea_id")}, '-1 day') WHERE kind = 'spend' AND idea_id IN (SELECT id FROM ideas WHERE status IN ('delivered', 'not_planned', 'merged')) AND at >= ${closedAt("vote_ledger.idea_id")}`);
  // The votes a close or a merge returned, and the ones a merge moved, carry the day of that move.
  db.run(sql`UPDATE vote_ledger SET at = ${closedAt("vote_ledger.idea_id")} WHERE kind = 'return' AND idea_id IN (SELECT id FROM ideas WHERE status IN ('delivered', 'not_planned', 'merged'))`);
  db.run(sql`UPDATE vote_ledger SET at = ${closedAt("(SELECT id FROM ideas s2 WHERE vote_ledger.reason = 'Vote moved from ' || s2.key || ' by merge')")} WHERE kind = 'spend' AND reason LIKE 'Vote moved from %'`);
  // Notifications are dated by what they tell of: the status change named, the close, the official update.
  db.run(sql`UPDATE notifications SET created_at = coalesce(
    (SELECT c.at FROM idea_status_changes c WHERE notifications.dedupe_key = 'status:' || c.id),
    (SELECT k.created_at FROM comments k WHERE notifications.dedupe_key = 'comment:' || k.id),
    (SELECT max(c.at) FROM idea_status_changes c WHERE c.idea_id = notifications.idea_id AND notifications.text LIKE '%moved to ' || CASE c.to_status
      WHEN 'under_pm_review' THEN 'Under PM Review' WHEN 'accepted' THEN 'Accepted' WHEN 'in_development' THEN 'In Development'
      WHEN 'delivered' THEN 'Delivered' WHEN 'not_planned' THEN 'Not Planned' WHEN 'merged' THEN 'Merged' END || '.'),
    CASE WHEN notifications.text LIKE '%came back%' OR notifications.text LIKE '%was merged%' THEN ${closedAt("notifications.idea_id")} END,
    CASE WHEN notifications.text LIKE 'Official update on %' THEN (SELECT max(k.created_at) FROM comments k WHERE k.idea_id = notifications.idea_id AND k.kind = 'official') END,
    created_at) WHERE idea_id IS NOT NULL`);
  // The audit log is dated as the events it records: each status change, and the portals and
  // categories set up before the first idea.
  db.run(sql`UPDATE audit_log SET at = coalesce((SELECT c.at FROM idea_status_changes c JOIN ideas i ON i.id = c.idea_id
    WHERE 'idea:' || i.key = audit_log.subject AND c.to_status = json_extract(audit_log.detail, '$.to') ORDER BY c.id LIMIT 1), at)
    WHERE kind = 'idea.status_changed'`);
  db.run(sql`UPDATE audit_log SET at = ${`${daysFrom(today, -270)}T08:00:00.000Z`} WHERE kind IN ('portal.created', 'category.saved')`);
  // Lists show the newest written first: rewrite them in the order of their dates.
  db.run(sql`CREATE TEMP TABLE seeded_notifications AS SELECT user_id, idea_id, project_id, text, detail, link, dedupe_key, created_at, read_at FROM notifications ORDER BY created_at, id`);
  db.run(sql`DELETE FROM notifications`);
  db.run(sql`INSERT INTO notifications (user_id, idea_id, project_id, text, detail, link, dedupe_key, created_at, read_at) SELECT user_id, idea_id, project_id, text, detail, link, dedupe_key, created_at, read_at FROM seeded_notifications ORDER BY rowid`);
  db.run(sql`DROP TABLE seeded_notifications`);
}
