import { DELETE_CONSEQUENCE } from "../../app/ideas/comment-rules";
import { STORY_COMMENT_DELETE_CONSEQUENCE, attachmentRemovalConsequence } from "../../app/delivery/thread-rules";
import { TEST_PASSWORD, GLOBAL_ROLE_OF, PERSONAS, type Persona, type SignedIn, type World } from "./matrix-world";

/**
 * SPEC's role table ("who may") as one table of every mutating API call and page action: for
 * each, who is allowed; everyone else is refused (403 or 404, or 401 / the sign-in page when
 * signed out) and changes nothing. `test/integration/permission-matrix.test.ts` runs every cell,
 * and fails for any API call or page intent in the code that has no row here.
 *
 * Where SPEC's table says nothing, the row follows the closest rule SPEC states, named next to it.
 */

export type Outcome = "allowed" | "forbidden";

export type ApiCall = { path: string; params: Record<string, string>; body?: unknown };
export type PageCall = { path: string; params: Record<string, string>; form: Record<string, string | string[]>; multipart?: boolean };

/**
 * `conflicts`: allowed personas whom the world's state still refuses with a 4xx other than
 * 401/403/404 (a second sprint cannot start while one is active; nobody confirms their own
 * work-around). Every other allowed call must succeed.
 */
type Common = { allowed: readonly Persona[]; rule: string; conflicts?: readonly Persona[] };
export type ApiRow = Common & { kind: "api"; method: "POST" | "PATCH" | "PUT" | "DELETE"; path: string; call: (w: World, p: Persona) => ApiCall };
/** `route` is the route file under app/routes without its extension; `intent` "(default)" is the branch taken without (or with any other) intent. */
export type PageRow = Common & { kind: "page"; route: string; intent: string; call: (w: World, p: Persona) => PageCall };
export type MatrixRow = ApiRow | PageRow;

export const DEFAULT_INTENT = "(default)";

const SIGNED_IN = PERSONAS.filter((p): p is SignedIn => p !== "anonymous");
const withGlobal = (...roles: string[]) => SIGNED_IN.filter((p) => roles.includes(GLOBAL_ROLE_OF[p]));

/** Everyone, signed in or not (sign-in, access requests, password links, the token call). */
const EVERYONE = PERSONAS;
const ANY_USER = SIGNED_IN;
const ADMIN = ["admin"] as const;
const PM = withGlobal("admin", "pm");
/** "customer, partner, staff: submit ideas, vote, comment, follow"; admin: all of the above. PMs answer ideas: they submit, comment and follow, but do not vote. */
const IDEA_VOTERS = withGlobal("admin", "staff", "customer", "partner");
const IDEA_PARTICIPANTS = withGlobal("admin", "pm", "staff", "customer", "partner");
/** Projects are created by staff and admins. */
const PROJECT_CREATORS = withGlobal("admin", "staff");

/** "scrum master: everything in the project: sprints, ceremonies, release plan, members". */
const SCRUM_MASTER = ["admin", "scrum_master"] as const;
/** "product owner, co-product owner: backlog order, features, stories, go-lives and their scope" (and the scrum master, and admins). */
const OWNERS = ["admin", "scrum_master", "product_owner", "co_product_owner"] as const;
/** "team: create stories, edit them, move them, blockers, standups, As-Delivered docs, retro items, customer tests"; every role above team may too. */
const TEAM_WORK = [...OWNERS, "team_delivery", "team_customer"] as const;
/** Every member (viewer: "read the project and comment") and admins. */
const MEMBERS_AND_ADMIN = [...TEAM_WORK, "viewer"] as const;
/** "co-product owner: accept or reject stories at the sprint demo, decide go / no-go … only they, the scrum master on their behalf, or an admin". */
const DECIDERS = ["admin", "scrum_master", "co_product_owner"] as const;
/** The idea the customer persona wrote: "the author may edit … while in Community Review; a PM may edit any idea". */
const IDEA_EDITORS = ["admin", "pm", "customer"] as const;
/** B6: "Authors may edit their comments … and delete them": the partner wrote the world's work-around; PMs hide instead. */
const COMMENT_AUTHOR = ["partner"] as const;

/** Issue 13 (decision 11): only its author edits or deletes a story comment; team_delivery wrote the world's one. */
const STORY_COMMENT_AUTHOR = ["team_delivery"] as const;
/** Issue 13: "attachments (by their uploader or the scrum master)" removed; team_delivery attached the world's link; admins do everything. */
const ATTACHMENT_REMOVERS = ["admin", "scrum_master", "team_delivery"] as const;
const STORY_LINK_CONSEQUENCE = attachmentRemovalConsequence({ name: "Callback spec", kind: "link" });

let unique = 0;
const next = () => ++unique;
const onBehalf = (w: World, p: Persona): Record<string, string> => (p === "scrum_master" ? { onBehalfOf: String(w.users.co_product_owner.id) } : {});
const futureDate = () => `2032-${String((next() % 12) + 1).padStart(2, "0")}-${String((next() % 27) + 1).padStart(2, "0")}`;

const api = (method: ApiRow["method"], path: string, allowed: readonly Persona[], rule: string, call: ApiRow["call"], conflicts?: readonly Persona[]): ApiRow => ({ kind: "api", method, path, allowed, rule, call, conflicts });
const page = (route: string, intent: string, allowed: readonly Persona[], rule: string, call: PageRow["call"], conflicts?: readonly Persona[]): PageRow => ({ kind: "page", route, intent, allowed, rule, call, conflicts });

const project = (w: World, form: PageCall["form"], suffix = ""): PageCall => ({ path: `/projects/${w.projectId}${suffix}`, params: { id: String(w.projectId) }, form });
const sprint = (w: World, form: PageCall["form"], suffix = "", id = w.activeSprintId): PageCall => ({ path: `/sprints/${id}${suffix}`, params: { id: String(id) }, form });
const story = (w: World, form: PageCall["form"], multipart = false): PageCall => ({ path: `/stories/${w.storyTodo}`, params: { id: String(w.storyTodo) }, form, multipart });
const idea = (key: string, form: PageCall["form"], suffix = ""): PageCall => ({ path: `/ideas/${key}${suffix}`, params: { key }, form });
const admin = (area: string, form: PageCall["form"]): PageCall => ({ path: `/admin/${area}`, params: {}, form });
const at = (path: string, form: PageCall["form"], params: Record<string, string> = {}): PageCall => ({ path, params, form });
const email = (p: Persona, w: World) => (p === "anonymous" ? w.target.email : w.users[p].email);

export const MATRIX: readonly MatrixRow[] = [
  // ── API ────────────────────────────────────────────────────────────────────────────────
  api("POST", "/tokens", EVERYONE, "sign-in by email and password (Part C)", (w, p) => ({ path: "/tokens", params: {}, body: { email: email(p, w), password: TEST_PASSWORD, name: "matrix" } })),
  api("POST", "/users", ADMIN, "admin: users", () => ({ path: "/users", params: {}, body: { email: `new-${next()}@example.test`, name: "New Person", role: "customer", password: "a long enough password", company: "Contoso" } })),
  api("PATCH", "/users/{id}", ADMIN, "admin: users", (w) => ({ path: `/users/${w.target.id}`, params: { id: String(w.target.id) }, body: { company: "Contoso" } })),
  api("POST", "/users/{id}/vote-grants", ADMIN, "admin: vote grants", (w) => ({ path: `/users/${w.target.id}/vote-grants`, params: { id: String(w.target.id) }, body: { amount: 3, reason: "Pilot customer" } })),
  api("POST", "/holidays", ADMIN, "admin: holidays", () => ({ path: "/holidays", params: {}, body: { date: futureDate(), name: "Company day" } })),
  api("DELETE", "/holidays/{date}", ADMIN, "admin: holidays", (w) => ({ path: `/holidays/${w.holidayDate}`, params: { date: w.holidayDate } })),
  api("POST", "/ideas", IDEA_PARTICIPANTS, "customer, partner, staff: submit ideas (PMs too)", (w) => ({ path: "/ideas", params: {}, body: { category: w.categoryPrefix, title: `Queue callback report ${next()}`, description: "A daily report of callbacks offered and taken per queue." } })),
  api("PATCH", "/ideas/{key}", IDEA_EDITORS, "B2: the author in Community Review, or a PM", (w) => ({ path: `/ideas/${w.ideaOpen}`, params: { key: w.ideaOpen }, body: { title: "Report transfers per segment and skill" } })),
  api("POST", "/ideas/{key}/status", PM, "pm: move ideas through statuses", (w) => ({ path: `/ideas/${w.ideaOpen}/status`, params: { key: w.ideaOpen }, body: { status: "under_pm_review", note: "Looking into it." } })),
  api("POST", "/ideas/{key}/vote", IDEA_VOTERS, "customer, partner, staff: vote", (w) => ({ path: `/ideas/${w.ideaOpen}/vote`, params: { key: w.ideaOpen } })),
  api("DELETE", "/ideas/{key}/vote", IDEA_VOTERS, "customer, partner, staff: vote (and take it back)", (w) => ({ path: `/ideas/${w.ideaVoted}/vote`, params: { key: w.ideaVoted } })),
  api("POST", "/ideas/{key}/comments", IDEA_PARTICIPANTS, "customer, partner, staff: comment (PMs too)", (w) => ({ path: `/ideas/${w.ideaOpen}/comments`, params: { key: w.ideaOpen }, body: { body: "We would use this every morning." } })),
  api("PATCH", "/ideas/{key}/comments/{id}", COMMENT_AUTHOR, "B6: authors may edit their comments", (w) => ({ path: `/ideas/${w.ideaOpen}/comments/${w.workaroundCommentId}`, params: { key: w.ideaOpen, id: String(w.workaroundCommentId) }, body: { body: "Export the segment table to a sheet each morning meanwhile." } })),
  api("DELETE", "/ideas/{key}/comments/{id}", COMMENT_AUTHOR, "B6: authors may delete their comments", (w) => ({ path: `/ideas/${w.ideaOpen}/comments/${w.workaroundCommentId}`, params: { key: w.ideaOpen, id: String(w.workaroundCommentId) } })),
  api("POST", "/ideas/{key}/links", PM, "B10: PMs link ideas to delivery features", (w) => ({ path: `/ideas/${w.ideaAccepted}/links`, params: { key: w.ideaAccepted }, body: { featureId: w.featureFree } })),
  api("PATCH", "/me/notification-settings", ANY_USER, "B7: each user chooses their own email", () => ({ path: "/me/notification-settings", params: {}, body: { digest: "weekly", immediateOfficialUpdates: true } })),
  api("PATCH", "/portals/{slug}", ADMIN, "admin: portals", (w) => ({ path: `/portals/${w.portalSlug}`, params: { slug: w.portalSlug }, body: { voteThreshold: 25 } })),
  api("POST", "/projects", PROJECT_CREATORS, "staff and admins create projects", () => ({ path: "/projects", params: {}, body: { name: `Project ${next()}`, customer: "Contoso", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12" } })),
  api("POST", "/projects/{id}/features", OWNERS, "product owner, co-product owner: features", (w) => ({ path: `/projects/${w.projectId}/features`, params: { id: String(w.projectId) }, body: { name: "Web chat" } })),
  api("PATCH", "/features/{id}", OWNERS, "product owner, co-product owner: features", (w) => ({ path: `/features/${w.featureFree}`, params: { id: String(w.featureFree) }, body: { name: "Post-call surveys" } })),
  api("DELETE", "/features/{id}", OWNERS, "product owner, co-product owner: features (one made by mistake)", (w) => ({ path: `/features/${w.featureFree}`, params: { id: String(w.featureFree) } })),
  api("POST", "/projects/{id}/go-lives", OWNERS, "product owner, co-product owner: go-lives and their scope", (w) => ({ path: `/projects/${w.projectId}/go-lives`, params: { id: String(w.projectId) }, body: { name: "Second go-live", sprintId: w.plannedSprintId, featureIds: [w.featureFree] } })),
  api("PATCH", "/projects/{id}/members/{userId}", SCRUM_MASTER, "scrum master: members", (w) => ({ path: `/projects/${w.projectId}/members/${w.users.viewer.id}`, params: { id: String(w.projectId), userId: String(w.users.viewer.id) }, body: { role: "team" } })),
  api("DELETE", "/projects/{id}/members/{userId}", SCRUM_MASTER, "scrum master: members", (w) => ({ path: `/projects/${w.projectId}/members/${w.users.viewer.id}`, params: { id: String(w.projectId), userId: String(w.users.viewer.id) } })),
  api("POST", "/projects/{id}/members", SCRUM_MASTER, "scrum master: members", (w) => ({ path: `/projects/${w.projectId}/members`, params: { id: String(w.projectId) }, body: { userId: w.users.staff.id, role: "viewer" } })),
  api("POST", "/projects/{id}/sprints", SCRUM_MASTER, "scrum master: sprints", (w) => ({ path: `/projects/${w.projectId}/sprints`, params: { id: String(w.projectId) }, body: { count: 1 } })),
  api("POST", "/projects/{id}/stories", TEAM_WORK, "team: create stories", (w) => ({ path: `/projects/${w.projectId}/stories`, params: { id: String(w.projectId) }, body: { title: "Whisper the queue name to the agent" } })),
  api("POST", "/sprints/{id}/start", SCRUM_MASTER, "scrum master: sprints", (w) => ({ path: `/sprints/${w.plannedSprintId}/start`, params: { id: String(w.plannedSprintId) } }), SCRUM_MASTER),
  api("PATCH", "/sprints/{id}", SCRUM_MASTER, "scrum master: sprints (a planned sprint's later start)", (w) => ({ path: `/sprints/${w.plannedSprintId}`, params: { id: String(w.plannedSprintId) }, body: { goal: "Callbacks live", startOn: w.plannedSprintLaterStart } })),
  api("POST", "/sprints/{id}/close", SCRUM_MASTER, "scrum master: sprints", (w) => ({ path: `/sprints/${w.activeSprintId}/close`, params: { id: String(w.activeSprintId) }, body: { unfinished: "backlog" } })),
  api("POST", "/sprints/{id}/demo", DECIDERS, "co-product owner decides at the demo (scrum master on their behalf, admin)", (w, p) => ({
    path: `/sprints/${w.activeSprintId}/demo`,
    params: { id: String(w.activeSprintId) },
    body: { storyId: w.storyDone, decision: "accept", ...(p === "scrum_master" ? { onBehalfOf: w.users.co_product_owner.id } : {}) },
  })),
  api("PATCH", "/stories/{id}", TEAM_WORK, "team: edit a story's title, description, criteria, points", (w) => ({ path: `/stories/${w.storyTodo}`, params: { id: String(w.storyTodo) }, body: { title: "Offer a callback after four minutes" } })),
  api("DELETE", "/stories/{id}", OWNERS, "scrum master, product owner, co-product owner: delete a story made by mistake", (w) => ({ path: `/stories/${w.storyBacklog}`, params: { id: String(w.storyBacklog) } })),
  api("PATCH", "/stories/{id}/comments/{commentId}", STORY_COMMENT_AUTHOR, "issue 13: authors edit their own story comments", (w) => ({ path: `/stories/${w.storyTodo}/comments/${w.storyCommentId}`, params: { id: String(w.storyTodo), commentId: String(w.storyCommentId) }, body: { body: "The callback number comes from the IVR, not the CRM." } })),
  api("DELETE", "/stories/{id}/comments/{commentId}", STORY_COMMENT_AUTHOR, "issue 13: authors delete their own story comments", (w) => ({ path: `/stories/${w.storyTodo}/comments/${w.storyCommentId}`, params: { id: String(w.storyTodo), commentId: String(w.storyCommentId) } })),
  api("DELETE", "/stories/{id}/attachments/{attachmentId}", ATTACHMENT_REMOVERS, "issue 13: its uploader or the scrum master removes an attachment", (w) => ({ path: `/stories/${w.storyTodo}/attachments/${w.storyLinkId}`, params: { id: String(w.storyTodo), attachmentId: String(w.storyLinkId) } })),
  api("POST", "/stories/{id}/wont-do", OWNERS, "scrum master, product owner, co-product owner: close a story as won't do", (w) => ({ path: `/stories/${w.storyBacklog}/wont-do`, params: { id: String(w.storyBacklog) }, body: { reason: "Covered by the IVR survey." } })),
  api("DELETE", "/stories/{id}/wont-do", OWNERS, "scrum master, product owner, co-product owner: restore a won't-do story", (w) => ({ path: `/stories/${w.storyWontDo}/wont-do`, params: { id: String(w.storyWontDo) } })),
  api("PATCH", "/go-lives/{id}", OWNERS, "product owner, co-product owner: go-lives and their scope", (w) => ({ path: `/go-lives/${w.goLiveId}`, params: { id: String(w.goLiveId) }, body: { name: "First go-live: callback", featureIds: [w.featureInGoLive, w.featureFree], hypercareEndsOn: "2032-01-30" } })),
  api("DELETE", "/go-lives/{id}", OWNERS, "product owner, co-product owner: go-lives (one made by mistake)", (w) => ({ path: `/go-lives/${w.goLiveId}`, params: { id: String(w.goLiveId) } })),
  api("POST", "/go-lives/{id}/done", OWNERS, "product owner, co-product owner: go-lives", (w) => ({ path: `/go-lives/${w.goLiveId}/done`, params: { id: String(w.goLiveId) }, body: { releaseNoteUrl: "https://example.test/notes/1" } })),

  // ── Pages: signing in and accounts (open to everyone) ──────────────────────────────────
  page("_auth+/sign-in", DEFAULT_INTENT, EVERYONE, "sign-in by email and password", (w, p) => at("/sign-in", { email: email(p, w), password: TEST_PASSWORD })),
  page("_auth+/sign-out", DEFAULT_INTENT, EVERYONE, "anyone may sign out", () => at("/sign-out", {})),
  page("_auth+/forgot-password", DEFAULT_INTENT, EVERYONE, "B8: forgot password", (w, p) => at("/forgot-password", { email: email(p, w) })),
  page("_auth+/request-access", DEFAULT_INTENT, EVERYONE, "B8: anyone may request access", () => at("/request-access", { name: "Sam Roe", email: `sam-${next()}@contoso.test`, company: "Contoso", role: "partner", reason: "We resell the platform in the Nordics." })),
  page("_auth+/set-password.$token", DEFAULT_INTENT, EVERYONE, "B8: a one-time set-password link", (w) => at(`/set-password/${w.resetToken}`, { password: "a brand new password", confirm: "a brand new password" }, { token: w.resetToken })),
  page("notifications", DEFAULT_INTENT, ANY_USER, "every user reads their own notifications", () => at("/notifications", {})),
  page("notifications", "read", ANY_USER, "every user marks their own notifications read, one at a time", (w, p) => at("/notifications", { intent: "read", id: String(p === "anonymous" ? w.notificationIds.customer : w.notificationIds[p]) })),
  page("notifications_.$id.open", DEFAULT_INTENT, ANY_USER, "every user opens their own notifications", (w, p) => at(`/notifications/${p === "anonymous" ? w.notificationIds.customer : w.notificationIds[p]}/open`, {}, { id: String(p === "anonymous" ? w.notificationIds.customer : w.notificationIds[p]) })),
  page("settings", "email", ANY_USER, "B7: each user chooses their own digest and immediate mail", () => at("/settings", { intent: "email", digest: "weekly", immediateOfficialUpdates: "on" })),
  page("_auth+/unsubscribe.$token", DEFAULT_INTENT, EVERYONE, "B7: a digest's signed unsubscribe link works without signing in (RFC 8058 one-click)", (w) => at(`/unsubscribe/${w.unsubscribeToken}`, { "List-Unsubscribe": "One-Click" }, { token: w.unsubscribeToken })),
  page("settings", DEFAULT_INTENT, ANY_USER, "Part C: personal access tokens, each user their own", () => at("/settings", { name: "Reporting script" })),
  page("settings", "revoke-token", ANY_USER, "Part C: each user revokes their own tokens", (w, p) => at("/settings", { intent: "revoke-token", tokenId: String(p === "anonymous" ? w.tokenIds.customer : w.tokenIds[p]) })),

  // ── Pages: Ideas Lab ───────────────────────────────────────────────────────────────────
  page("_ideas+/my-votes", DEFAULT_INTENT, ANY_USER, "B5: a user may ask for more votes", () => at("/my-votes", { reason: "Our whole team backs the reporting ideas." })),
  page("_ideas+/ideas.$key.vote", DEFAULT_INTENT, IDEA_VOTERS, "customer, partner, staff: vote", (w) => idea(w.ideaOpen, {}, "/vote")),
  page("_ideas+/ideas.$key.vote", "unvote", IDEA_VOTERS, "customer, partner, staff: vote (and take it back)", (w) => idea(w.ideaVoted, { intent: "unvote" }, "/vote")),
  page("_ideas+/ideas.$key.edit", DEFAULT_INTENT, IDEA_EDITORS, "B2: the author in Community Review, or a PM", (w) => idea(w.ideaOpen, { title: "Report transfers per segment and skill", description: "Per-segment table with the workgroup and skill of each leg." }, "/edit")),
  page("_ideas+/portals.$slug.new", DEFAULT_INTENT, IDEA_PARTICIPANTS, "customer, partner, staff: submit ideas (PMs too)", (w) => at(`/portals/${w.portalSlug}/new`, { category: w.categoryPrefix, title: `Callback report ${next()}`, description: "A daily report of callbacks offered and taken per queue." }, { slug: w.portalSlug })),
  page("_ideas+/portals.$slug.new", "similar", IDEA_PARTICIPANTS, "the submit form's similar-ideas step", (w) => at(`/portals/${w.portalSlug}/new`, { intent: "similar", title: "transfers" }, { slug: w.portalSlug })),
  page("_ideas+/ideas.$key._index", "comment", IDEA_PARTICIPANTS, "customer, partner, staff: comment (PMs too)", (w) => idea(w.ideaOpen, { intent: "comment", body: "We would use this every morning." })),
  page("_ideas+/ideas.$key._index", "reply", IDEA_PARTICIPANTS, "B6: whoever comments may reply (one level deep)", (w) => idea(w.ideaOpen, { intent: "reply", commentId: String(w.workaroundCommentId), body: "Same here, the sheet works." })),
  page("_ideas+/ideas.$key._index", "edit", COMMENT_AUTHOR, "B6: authors may edit their comments", (w) => idea(w.ideaOpen, { intent: "edit", commentId: String(w.workaroundCommentId), body: "Export the segment table to a sheet each morning meanwhile." })),
  page("_ideas+/ideas.$key._index", "delete", COMMENT_AUTHOR, "B6: authors may delete their comments", (w) => idea(w.ideaOpen, { intent: "delete", commentId: String(w.workaroundCommentId), confirm: DELETE_CONSEQUENCE })),
  page("_ideas+/ideas.$key._index", "hide", PM, "pm: hide comments", (w) => idea(w.ideaOpen, { intent: "hide", commentId: String(w.workaroundCommentId), reason: "Off topic" })),
  page("_ideas+/ideas.$key._index", "confirm", ANY_USER, "B6: other users confirm a work-around", (w) => idea(w.ideaOpen, { intent: "confirm", commentId: String(w.workaroundCommentId) }), ["partner"]),
  page("_ideas+/ideas.$key._index", "move", PM, "pm: move ideas through statuses", (w) => idea(w.ideaOpen, { intent: "move", status: "under_pm_review", note: "Looking into it." })),
  page("_ideas+/pm", "official", PM, "pm: post official updates (from the PM board's row)", (w) => at("/pm", { intent: "official", key: w.ideaOpen, body: "We are sizing this with engineering this sprint." })),
  page("_ideas+/pm", "move", PM, "pm: move ideas through statuses (from the PM board's row)", (w) => at("/pm", { intent: "move", key: w.ideaOpen, status: "under_pm_review", note: "Looking into it." })),
  page("_ideas+/ideas.$key._index", "link", PM, "B10: PMs link ideas to delivery features", (w) => idea(w.ideaAccepted, { intent: "link", featureId: String(w.featureFree) })),
  page("_ideas+/ideas.$key._index", "unlink", PM, "B10: PMs link ideas to delivery features", (w) => idea(w.ideaAccepted, { intent: "unlink", featureId: String(w.featureLinked) })),
  page("_ideas+/ideas.$key._index", "target", PM, "B3: a PM changes the target date with a public note", (w) => idea(w.ideaAccepted, { intent: "target", targetDate: new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10), note: "Moved a month." })),
  page("_ideas+/ideas.$key._index", "follow", IDEA_PARTICIPANTS, "customer, partner, staff: follow (PMs too)", (w) => idea(w.ideaOpen, { intent: "follow" })),
  page("_ideas+/ideas.$key._index", "unfollow", IDEA_PARTICIPANTS, "B7: anyone can unfollow", (w) => idea(w.ideaOpen, { intent: "unfollow" })),

  // ── Pages: Delivery ────────────────────────────────────────────────────────────────────
  page("_delivery+/projects.new", DEFAULT_INTENT, PROJECT_CREATORS, "staff and admins create projects", () => at("/projects/new", { name: `Project ${next()}`, customer: "Contoso", sowSignedOn: "2026-01-05", staffedOn: "2026-01-12", kickoffWeeks: "3", timeZone: "UTC" })),
  page("_delivery+/projects.$id._index", "generate", SCRUM_MASTER, "scrum master: sprints", (w) => project(w, { intent: "generate", count: "1" })),
  page("_delivery+/projects.$id._index", "start", SCRUM_MASTER, "scrum master: sprints", (w) => project(w, { intent: "start", sprintId: String(w.plannedSprintId) }), SCRUM_MASTER),
  page("_delivery+/projects.$id._index", "member-role", SCRUM_MASTER, "scrum master: members", (w) => project(w, { intent: "member-role", userId: String(w.users.viewer.id), role: "team", side: "delivery" })),
  page("_delivery+/projects.$id._index", "remove-member", SCRUM_MASTER, "scrum master: members", (w) => project(w, { intent: "remove-member", userId: String(w.users.viewer.id), confirm: w.memberRemoveConsequence })),
  page("_delivery+/projects.$id._index", "member", SCRUM_MASTER, "scrum master: members", (w) => project(w, { intent: "member", userId: String(w.users.staff.id), role: "viewer" })),
  page("_delivery+/projects.$id._index", "edit", SCRUM_MASTER, "scrum master: everything in the project", (w) => project(w, { intent: "edit", name: "Matrix release 2", customer: "Internal", kind: "product_release", sowSignedOn: w.projectStart, staffedOn: w.projectStart, kickoffWeeks: "3", timeZone: "UTC" })),
  page("_delivery+/projects.$id._index", "end-kickoff", SCRUM_MASTER, "A1: ending kickoff freezes the baseline (scrum master, agreed by the co-product owner)", (w) => project(w, { intent: "end-kickoff", agreedBy: String(w.users.co_product_owner.id) })),
  page("_delivery+/projects.$id._index", "status", SCRUM_MASTER, "A10: the scrum master's weekly status", (w) => project(w, { intent: "status", rag: "green", note: "On track." })),
  page("_delivery+/projects.$id.backlog", "add", TEAM_WORK, "team: create stories", (w) => project(w, { intent: "add", title: "Whisper the queue name", type: "story" }, "/backlog")),
  page("_delivery+/projects.$id.backlog", "move", OWNERS, "product owner, co-product owner: backlog order", (w) => project(w, { intent: "move", storyId: String(w.storyBacklog), move: "top" }, "/backlog")),
  page("_delivery+/projects.$id.backlog", "place", OWNERS, "product owner, co-product owner: backlog order", (w) => project(w, { intent: "place", storyId: String(w.storyBacklog), afterId: "" }, "/backlog")),
  page("_delivery+/projects.$id.backlog", "plan", OWNERS, "backlog order and sprint membership (owners, scrum master)", (w) => project(w, { intent: "plan", storyId: String(w.storyBacklog), sprintId: String(w.plannedSprintId) }, "/backlog")),
  page("_delivery+/projects.$id.backlog", "bulk-plan", OWNERS, "backlog order and sprint membership (owners, scrum master)", (w) => project(w, { intent: "bulk-plan", storyIds: [String(w.storyBacklog)], bulkSprintId: String(w.plannedSprintId) }, "/backlog")),
  page("_delivery+/projects.$id.backlog", "bulk-feature", OWNERS, "product owner, co-product owner: features and their stories", (w) => project(w, { intent: "bulk-feature", storyIds: [String(w.storyBacklog)], bulkFeatureId: String(w.featureFree) }, "/backlog")),
  page("_delivery+/projects.$id.backlog", "bulk-points", TEAM_WORK, "team: edit points", (w) => project(w, { intent: "bulk-points", storyIds: [String(w.storyBacklog)], bulkPoints: "8" }, "/backlog")),
  page("_delivery+/projects.$id.backlog", "groom", TEAM_WORK, "team: edit points, description and criteria", (w) => project(w, { intent: "groom", storyId: String(w.storyBacklog), points: "5", acceptanceCriteria: "survey sent within a minute", description: "As a caller…" }, "/backlog")),
  page("_delivery+/projects.$id.grooming", DEFAULT_INTENT, TEAM_WORK, "team: edit title, points and criteria", (w) => project(w, { storyId: String(w.storyBacklog), title: "Post-call survey by SMS", points: "5", criteria: "survey sent within a minute" }, "/grooming")),
  page("_delivery+/projects.$id.import", DEFAULT_INTENT, OWNERS, "stories into the backlog with their features (owners; see the report)", (w) => project(w, { csv: "title,points\nCallback from IVR,3\n" }, "/import")),
  page("_delivery+/projects.$id.import", "import", OWNERS, "stories into the backlog with their features (owners; see the report)", (w) => project(w, { intent: "import", csv: "title,points\nCallback from IVR,3\n" }, "/import")),
  page("_delivery+/projects.$id.blockers", DEFAULT_INTENT, TEAM_WORK, "team: raise and resolve blockers", (w) => project(w, { title: "Firewall rule missing", side: "delivery" }, "/blockers")),
  page("_delivery+/projects.$id.blockers", "resolve", TEAM_WORK, "team: raise and resolve blockers", (w) => project(w, { intent: "resolve", blockerId: String(w.blockerId), resolution: "Provisioned." }, "/blockers")),
  page("_delivery+/projects.$id.ceremonies", DEFAULT_INTENT, SCRUM_MASTER, "scrum master: ceremonies", (w) =>
    project(w, Object.fromEntries(["planning", "standup", "grooming", "demo", "retro"].flatMap((k) => [[`${k}.time`, "10:00"], [`${k}.minutes`, "30"]])), "/ceremonies"),
  ),
  page("_delivery+/projects.$id.ceremonies", "revoke", SCRUM_MASTER, "scrum master: ceremonies (the calendar feed)", (w) => project(w, { intent: "revoke" }, "/ceremonies")),
  page("_delivery+/projects.$id.docs", DEFAULT_INTENT, TEAM_WORK, "team: edit As-Delivered docs", (w) => project(w, { kind: "call_flows", title: "Main IVR flow", body: "# Flow" }, "/docs")),
  page("_delivery+/docs.$id._index", DEFAULT_INTENT, TEAM_WORK, "team: edit As-Delivered docs", (w) => at(`/docs/${w.documentId}`, { body: "# Routing\n\nRevised.", note: "Queues" }, { id: String(w.documentId) })),
  page("_delivery+/projects.$id.release", "go-live", OWNERS, "product owner, co-product owner: go-lives and their scope", (w) => project(w, { intent: "go-live", name: "Second go-live", sprintId: String(w.plannedSprintId), featureIds: [String(w.featureFree)] }, "/release")),
  page("_delivery+/projects.$id.release", "feature", OWNERS, "product owner, co-product owner: features", (w) => project(w, { intent: "feature", name: "Web chat" }, "/release")),
  page("_delivery+/projects.$id.release", "decide", DECIDERS, "co-product owner: go / no-go (scrum master on their behalf, admin)", (w, p) => project(w, { intent: "decide", goLiveId: String(w.goLiveId), decision: "go", comment: "Ready.", ...onBehalf(w, p) }, "/release")),
  page("_delivery+/projects.$id.release", "cutover", OWNERS, "product owner, co-product owner: go-lives", (w) => project(w, { intent: "cutover", goLiveId: String(w.goLiveId), cutoverOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), reason: "Change freeze" }, "/release")),
  page("_delivery+/projects.$id.release", "move-feature", OWNERS, "product owner, co-product owner: go-lives and their scope", (w) => project(w, { intent: "move-feature", goLiveId: String(w.goLiveId), featureId: String(w.featureFree), reason: "Customer asked" }, "/release")),
  page("_delivery+/projects.$id.release", "edit-go-live", OWNERS, "product owner, co-product owner: go-lives and their scope", (w) => project(w, { intent: "edit-go-live", goLiveId: String(w.goLiveId), name: "First go-live: callback", featureIds: [String(w.featureInGoLive)], hypercareEndsOn: "2032-01-30", releaseNoteUrl: "https://example.test/notes/1" }, "/release")),
  page("_delivery+/projects.$id.release", "delete-go-live", OWNERS, "product owner, co-product owner: go-lives (one made by mistake)", (w) => project(w, { intent: "delete-go-live", goLiveId: String(w.goLiveId), confirm: w.goLiveDeleteConsequence }, "/release")),
  page("_delivery+/projects.$id.release", "done", OWNERS, "product owner, co-product owner: go-lives", (w) => project(w, { intent: "done", goLiveId: String(w.goLiveId), releaseNoteUrl: "https://example.test/notes/1", confirm: w.goLiveDoneConsequence }, "/release")),
  page("_delivery+/projects.$id.transition", "add", SCRUM_MASTER, "scrum master: release plan (the transition checklist)", (w) => project(w, { intent: "add", text: "Wallboard access handed over" }, "/transition")),
  page("_delivery+/projects.$id.transition", DEFAULT_INTENT, SCRUM_MASTER, "scrum master: release plan (the transition checklist)", (w) => project(w, { itemId: String(w.transitionItemId), state: "done" }, "/transition")),
  page("_delivery+/sprints.$id._index", "status", TEAM_WORK, "team: move stories through the workflow", (w) => sprint(w, { intent: "status", storyId: String(w.storyTodo), status: "in_progress" })),
  page("_delivery+/sprints.$id._index", "assign", TEAM_WORK, "A2: team, product owner, co-product owner: a story's assignee (from the board)", (w) => sprint(w, { intent: "assign", storyId: String(w.storyTodo), assigneeId: "" })),
  page("_delivery+/sprints.$id._index", "plan", OWNERS, "backlog order and sprint membership (owners, scrum master)", (w) => sprint(w, { intent: "plan", storyId: String(w.storyBacklog) })),
  page("_delivery+/sprints.$id._index", "day-off", ["scrum_master", "product_owner", "co_product_owner", "team_delivery", "team_customer", "viewer"], "A3: members record their own days off", (w) => sprint(w, { intent: "day-off", date: w.activeSprintWorkday })),
  page("_delivery+/sprints.$id._index", "remove-member-day-off", SCRUM_MASTER, "scrum master: sprints (a member's day off recorded by mistake)", (w) => sprint(w, { intent: "remove-member-day-off", userId: String(w.users.team_delivery.id), date: w.activeSprintDayOff })),
  page("_delivery+/sprints.$id._index", "remove-day-off", ["scrum_master", "product_owner", "co_product_owner", "team_delivery", "team_customer", "viewer"], "A3: members take back their own days off", (w) => sprint(w, { intent: "remove-day-off", date: w.activeSprintDayOff })),
  page("_delivery+/sprints.$id._index", "settings", SCRUM_MASTER, "scrum master: sprints", (w) => sprint(w, { intent: "settings", goal: "Callbacks live", capacity: "20" })),
  page("_delivery+/sprints.$id._index", "start", SCRUM_MASTER, "scrum master: sprints", (w) => sprint(w, { intent: "start" }, "", w.plannedSprintId), SCRUM_MASTER),
  page("_delivery+/sprints.$id._index", "close", SCRUM_MASTER, "scrum master: sprints", (w) => sprint(w, { intent: "close", unfinished: "backlog", confirm: w.closeConsequence })),
  page("_delivery+/sprints.$id.demo", DEFAULT_INTENT, DECIDERS, "co-product owner decides at the demo (scrum master on their behalf, admin)", (w, p) => sprint(w, { storyId: String(w.storyDone), decision: "accept", ...onBehalf(w, p) }, "/demo")),
  page("_delivery+/sprints.$id.retro", DEFAULT_INTENT, TEAM_WORK, "team: add retro items", (w) => sprint(w, { column: "went_well", text: "Demo went smoothly" }, "/retro")),
  page("_delivery+/sprints.$id.retro", "close", TEAM_WORK, "team: retro actions", (w) => sprint(w, { intent: "close", itemId: String(w.retroActionId) }, "/retro")),
  page("_delivery+/sprints.$id.standup", DEFAULT_INTENT, TEAM_WORK, "team: post standups", (w) => sprint(w, { date: new Date().toISOString().slice(0, 10), yesterday: "Callbacks", today: "Surveys" }, "/standup")),
  page("_delivery+/sprints.$id.standup", "raise", TEAM_WORK, "team: raise blockers", (w) => sprint(w, { intent: "raise", title: "Waiting for the SIP trunk", side: "customer" }, "/standup")),
  page("_delivery+/stories.$id", "comment", MEMBERS_AND_ADMIN, "team: comment; viewer: read the project and comment", (w) => story(w, { intent: "comment", body: "Looks good." })),
  page("_delivery+/stories.$id", "comment-edit", STORY_COMMENT_AUTHOR, "issue 13: authors edit their own story comments", (w) => story(w, { intent: "comment-edit", commentId: String(w.storyCommentId), body: "The callback number comes from the IVR, not the CRM." })),
  page("_delivery+/stories.$id", "comment-delete", STORY_COMMENT_AUTHOR, "issue 13: authors delete their own story comments", (w) => story(w, { intent: "comment-delete", commentId: String(w.storyCommentId), confirm: STORY_COMMENT_DELETE_CONSEQUENCE })),
  page("_delivery+/stories.$id", "attachment-remove", ATTACHMENT_REMOVERS, "issue 13: its uploader or the scrum master removes an attachment", (w) => story(w, { intent: "attachment-remove", attachmentId: String(w.storyLinkId), confirm: STORY_LINK_CONSEQUENCE })),
  page("_delivery+/stories.$id", "test", TEAM_WORK, "team, product owner, co-product owner: record customer-test results", (w) => ({ ...story(w, { intent: "test", testStatus: "testing", testNote: "Started" }), path: `/stories/${w.storyAccepted}`, params: { id: String(w.storyAccepted) } })),
  page("_delivery+/stories.$id", "link", TEAM_WORK, "A2: attachments (those who create stories)", (w) => story(w, { intent: "link", name: "Spec", url: "https://example.test/spec" })),
  page("_delivery+/stories.$id", "file", TEAM_WORK, "A2: attachments (those who create stories)", (w) => story(w, { intent: "file", file: "the file" }, true)),
  page("_delivery+/stories.$id", "docs", TEAM_WORK, "team: edit stories (the documents they change)", (w) => story(w, { intent: "docs", docKinds: ["design"] })),
  page("_delivery+/stories.$id", "edit", TEAM_WORK, "team: edit a story's title, type, description, criteria, points, assignee", (w) => story(w, { intent: "edit", title: "Offer a callback after four minutes", type: "story", description: "", acceptanceCriteria: "Callback offered", points: "3", assigneeId: "" })),
  page("_delivery+/stories.$id", "wont-do", OWNERS, "scrum master, product owner, co-product owner: close a story as won't do", (w) => ({ ...story(w, { intent: "wont-do", reason: "Covered by the IVR survey." }), path: `/stories/${w.storyBacklog}`, params: { id: String(w.storyBacklog) } })),
  page("_delivery+/stories.$id", "restore", OWNERS, "scrum master, product owner, co-product owner: restore a won't-do story", (w) => ({ ...story(w, { intent: "restore" }), path: `/stories/${w.storyWontDo}`, params: { id: String(w.storyWontDo) } })),
  page("_delivery+/stories.$id", "delete", OWNERS, "scrum master, product owner, co-product owner: delete a story made by mistake", (w) => ({ ...story(w, { intent: "delete", confirm: w.storyDeleteConsequence }), path: `/stories/${w.storyBacklog}`, params: { id: String(w.storyBacklog) } })),
  page("_delivery+/ceremonies.$id", "move", SCRUM_MASTER, "scrum master: ceremonies", (w) => at(`/ceremonies/${w.ceremonyId}`, { intent: "move", date: w.plannedSprintStart, time: "11:00", minutes: "45", reason: "Customer holiday" }, { id: String(w.ceremonyId) })),
  page("_delivery+/ceremonies.$id", "cancel", SCRUM_MASTER, "scrum master: ceremonies", (w) => at(`/ceremonies/${w.ceremonyId}`, { intent: "cancel", reason: "Team offsite" }, { id: String(w.ceremonyId) })),
  page("_delivery+/ceremonies.$id", "restore", SCRUM_MASTER, "scrum master: ceremonies", (w) => at(`/ceremonies/${w.cancelledCeremonyId}`, { intent: "restore" }, { id: String(w.cancelledCeremonyId) })),
  page("_delivery+/ceremonies.$id", "notes", TEAM_WORK, "scrum master: ceremonies; team: standups (their notes)", (w) => at(`/ceremonies/${w.ceremonyId}`, { intent: "notes", notes: "Agreed the demo order." }, { id: String(w.ceremonyId) })),
  page("_delivery+/features.$id", DEFAULT_INTENT, PM, "B10: PMs link ideas to delivery features", (w) => at(`/features/${w.featureFree}`, { key: w.ideaAccepted }, { id: String(w.featureFree) })),
  page("_delivery+/features.$id", "edit-feature", OWNERS, "product owner, co-product owner: features", (w) => at(`/features/${w.featureFree}`, { intent: "edit-feature", name: "Post-call surveys", description: "" }, { id: String(w.featureFree) })),
  page("_delivery+/features.$id", "delete-feature", OWNERS, "product owner, co-product owner: features (one made by mistake)", (w) => at(`/features/${w.featureFree}`, { intent: "delete-feature", confirm: w.featureDeleteConsequence }, { id: String(w.featureFree) })),
  page("_delivery+/features.$id", "unlink", PM, "B10: PMs link ideas to delivery features", (w) => at(`/features/${w.featureLinked}`, { intent: "unlink", key: w.ideaAccepted }, { id: String(w.featureLinked) })),

  // ── Pages: administration ──────────────────────────────────────────────────────────────
  page("admin+/access-requests", "approve", ADMIN, "admin: access requests", (w) => admin("access-requests", { intent: "approve", requestId: String(w.accessRequestId) })),
  page("admin+/access-requests", DEFAULT_INTENT, ADMIN, "admin: access requests", (w) => admin("access-requests", { intent: "reject", requestId: String(w.accessRequestId), reason: "Unknown company" })),
  page("admin+/calendars", "calendar", ADMIN, "admin: holidays", () => admin("calendars", { intent: "calendar", name: `Calendar ${next()}` })),
  page("admin+/calendars", "add", ADMIN, "admin: holidays", (w) => admin("calendars", { intent: "add", calendarId: String(w.calendarId), date: futureDate(), name: "Founders day" })),
  page("admin+/calendars", "remove", ADMIN, "admin: holidays", (w) => admin("calendars", { intent: "remove", calendarId: String(w.calendarId), date: w.calendarHolidayDate })),
  page("admin+/checklist", DEFAULT_INTENT, ADMIN, "A8: an admin-kept template", () => admin("checklist", { text: "Billing contact confirmed" })),
  page("admin+/checklist", "remove", ADMIN, "A8: an admin-kept template", (w) => admin("checklist", { intent: "remove", id: String(w.templateItemId) })),
  page("admin+/holidays", DEFAULT_INTENT, ADMIN, "admin: holidays", () => admin("holidays", { date: futureDate(), name: "Company day" })),
  page("admin+/holidays", "remove", ADMIN, "admin: holidays", (w) => admin("holidays", { intent: "remove", date: w.holidayDate })),
  page("admin+/language", DEFAULT_INTENT, ADMIN, "B6: an admin-kept list", () => admin("language", { term: `dreadful${next()}` })),
  page("admin+/language", "remove", ADMIN, "B6: an admin-kept list", () => admin("language", { intent: "remove", term: "garbage" })),
  page("admin+/portals", "portal", ADMIN, "admin: portals", (w) => admin("portals", { intent: "portal", slug: w.portalSlug, name: "Renamed portal", voteThreshold: "25" })),
  page("admin+/portals", "new-portal", ADMIN, "admin: portals", () => admin("portals", { intent: "new-portal", slug: `portal-${next()}`, name: "New portal", voteThreshold: "20" })),
  page("admin+/portals", "category", ADMIN, "admin: portals", (w) => admin("portals", { intent: "category", slug: w.portalSlug, name: "Routing", keyPrefix: `RT${String.fromCharCode(65 + (next() % 26))}${String.fromCharCode(65 + (next() % 26))}`, pmId: String(w.users.pm.id) })),
  page("admin+/users", "role", ADMIN, "admin: users", (w) => admin("users", { intent: "role", userId: String(w.target.id), role: "partner" })),
  page("admin+/users", "reset", ADMIN, "admin: users (B8: a reset link from the user's page)", (w) => admin("users", { intent: "reset", userId: String(w.target.id) })),
  page("admin+/users", "company", ADMIN, "admin: users", (w) => admin("users", { intent: "company", userId: String(w.target.id), company: "Contoso" })),
  page("admin+/users", "active", ADMIN, "admin: users", (w) => admin("users", { intent: "active", userId: String(w.target.id), active: "false" })),
  page("admin+/users", DEFAULT_INTENT, ADMIN, "admin: users", () => admin("users", { email: `made-${next()}@example.test`, name: "Made Person", role: "staff", password: "a long enough password" })),
  page("admin+/vote-requests", "approve", ADMIN, "admin: vote grants", (w) => admin("vote-requests", { intent: "approve", requestId: String(w.voteRequestId), amount: "5" })),
  page("admin+/vote-requests", "decline", ADMIN, "admin: vote grants", (w) => admin("vote-requests", { intent: "decline", requestId: String(w.voteRequestId) })),
  page("admin+/vote-requests", DEFAULT_INTENT, ADMIN, "admin: vote grants", (w) => admin("vote-requests", { userId: String(w.target.id), amount: "3", reason: "Pilot customer" })),
];

/** The expected outcome of one cell. */
export function expected(row: MatrixRow, persona: Persona): Outcome {
  return row.allowed.includes(persona) ? "allowed" : "forbidden";
}

export const rowName = (row: MatrixRow) => (row.kind === "api" ? `${row.method} /api/v1${row.path}` : `${row.route} [${row.intent}]`);
