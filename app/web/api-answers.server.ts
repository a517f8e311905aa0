import { z } from "zod";
import { COMMENT_KINDS, IDEA_STATUSES, PROJECT_KINDS, PROJECT_ROLES, ROLES, STORY_STATUSES, STORY_TYPES } from "../../db/schema/enums";
import { TEST_STATUSES } from "../delivery/customer-test";

/**
 * The shapes the API answers with, for the OpenAPI document and for the tests that check real
 * answers against it. Each mirrors one `…Json` function of a domain (or a route's own object);
 * objects are closed, so a field added to an answer without being described here is caught.
 */

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const IsoTime = z.string();
const Person = z.object({ id: Id, name: z.string() });

export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const TokenAnswerSchema = z.object({ token: z.string() });

export const VoteBalanceSchema = z.object({ budget: z.number().int(), used: z.number().int(), available: z.number().int() });

export const UserAnswerSchema = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  company: z.string().nullable(),
  active: z.boolean(),
});

export const MeAnswerSchema = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  company: z.string().nullable(),
  votes: VoteBalanceSchema,
});

export const HolidayAnswerSchema = z.object({ date: IsoDate, name: z.string() });

export const PortalAnswerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  voteThreshold: z.number().int(),
  categories: z.array(z.object({ key: z.string(), name: z.string() })),
});

export const IdeaSummaryAnswerSchema = z.object({
  key: z.string(),
  title: z.string(),
  status: z.enum(IDEA_STATUSES),
  votes: z.number().int(),
  votesAtClose: z.number().int().nullable().describe("Delivered and Not Planned: the votes it had when it closed, which the top sort ranks it by; else null"),
  category: z.string(),
  portal: z.string(),
  createdAt: IsoTime,
  author: Person,
});

export const IdeaAnswerSchema = IdeaSummaryAnswerSchema.extend({
  description: z.string(),
  statusHistory: z.array(
    z.object({
      from: z.enum(IDEA_STATUSES).nullable(),
      to: z.enum(IDEA_STATUSES),
      at: IsoTime,
      by: z.string().nullable(),
      goLive: z.string().optional(),
      note: z.string(),
    }),
  ),
  targetQuarter: z.string().nullable(),
  targetDate: IsoDate.nullable().optional().describe("PMs and admins only"),
  releaseNoteUrl: z.string().nullable(),
  docUrls: z.array(z.string()),
  mergedInto: z.string().nullable(),
  mergedFrom: z.array(z.string()).describe("keys of the ideas merged into this one"),
  sla: z.object({ dueDate: IsoDate, state: z.enum(["open", "met", "missed"]) }).nullable(),
  votedByMe: z.boolean(),
});

export const IdeaPageAnswerSchema = z.object({
  items: z.array(IdeaSummaryAnswerSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const VoteAnswerSchema = z.object({ votes: z.number().int(), myVotes: VoteBalanceSchema });

/** A comment in a story's thread (a demo or customer-test note is `kind` demo / test). */
export const StoryCommentAnswerSchema = z.object({
  id: Id,
  kind: z.enum(["comment", "demo", "test"]),
  body: z.string(),
  author: Person,
  createdAt: IsoTime,
  edited: z.boolean(),
  editedAt: IsoTime.nullable(),
  /** Deleted by its author: `body` is empty. */
  deleted: z.boolean(),
});

export const CommentAnswerSchema = z.object({
  id: Id,
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  author: Person,
  createdAt: IsoTime,
  hidden: z.boolean(),
  edited: z.boolean(),
  /** Deleted by its author: `body` is empty. */
  deleted: z.boolean(),
  /** The top-level comment a reply belongs to (replies are one level deep). */
  parentId: Id.nullable(),
});

export const IdeaLinkAnswerSchema = z.object({
  ideaKey: z.string(),
  featureId: Id,
  feature: z.string(),
  projectId: Id,
  project: z.string(),
});

export const GrantAnswerSchema = z.object({ budget: z.number().int() });

export const SlaClockAnswerSchema = z.object({
  key: z.string(),
  title: z.string(),
  enteredAt: IsoTime,
  dueDate: IsoDate,
  state: z.enum(["open", "met", "missed"]),
});

export const ProjectListItemAnswerSchema = z.object({
  id: Id,
  name: z.string(),
  customer: z.string(),
  kind: z.enum(PROJECT_KINDS),
  phase: z.string(),
});

const KickoffSchema = z.object({ start: IsoDate, end: IsoDate });

export const MemberAnswerSchema = z.object({ userId: Id, name: z.string(), email: z.string(), role: z.enum(PROJECT_ROLES), side: z.enum(["delivery", "customer"]) });

export const ProjectAnswerSchema = z.object({
  id: Id,
  key: z.string().nullable(),
  name: z.string(),
  customer: z.string(),
  kind: z.enum(PROJECT_KINDS),
  sowSignedOn: IsoDate,
  staffedOn: IsoDate,
  timeZone: z.string(),
  kickoff: KickoffSchema,
  phase: z.string(),
  myRole: z.enum(PROJECT_ROLES).nullable(),
  members: z.array(MemberAnswerSchema),
  goLives: z.array(z.object({ id: Id, name: z.string(), cutoverOn: IsoDate, doneAt: IsoTime.nullable() })),
  calendarUrl: z.string().optional().describe("members only: the secret ICS feed"),
});

export const MemberRemovedAnswerSchema = z.object({
  name: z.string(),
  unassignedStories: z.number().int().describe("stories in the project that were assigned to them"),
  ownerlessBlockers: z.number().int().describe("open blockers they owned: open still, without an owner"),
  ownerlessRetroActions: z.number().int().describe("open retrospective actions they owned: open still, without an owner"),
  removedDaysOff: z.number().int().describe("their days off from today on (project time zone), not in closed sprints"),
});

export const MemberAddedAnswerSchema = z.object({ ok: z.literal(true) });

export const StoryAnswerSchema = z.object({
  id: Id,
  key: z.string().nullable().describe("PROJECTKEY-N, counted per project and never reused"),
  type: z.enum(STORY_TYPES),
  title: z.string(),
  description: z.string(),
  acceptanceCriteria: z.array(z.string()),
  points: z.number().nullable(),
  status: z.enum(STORY_STATUSES),
  rank: z.number(),
  sprintId: Id.nullable(),
  featureId: Id.nullable(),
  assignee: z.object({ id: Id, name: z.string() }).nullable(),
  wontDo: z.object({ reason: z.string(), by: z.string().nullable(), at: IsoTime }).nullable(),
  testStatus: z.enum(TEST_STATUSES).nullable(),
  defectOf: Id.nullable(),
  ready: z.boolean(),
});

export const SearchAnswerSchema = z.object({
  stories: z.array(
    z.object({
      id: Id,
      key: z.string().nullable(),
      title: z.string(),
      status: z.enum(STORY_STATUSES),
      projectId: Id,
      projectName: z.string(),
      wontDo: z.boolean(),
    }),
  ),
  ideas: z.array(IdeaSummaryAnswerSchema),
  exact: z
    .union([z.object({ story: Id }), z.object({ idea: z.string() })])
    .nullable()
    .describe("The query is exactly the key of a story or idea the user may see (the page goes straight to it); else null"),
});

export const SprintAnswerSchema = z.object({
  id: Id,
  number: z.number().int(),
  start: IsoDate,
  end: IsoDate,
  goal: z.string().nullable(),
  capacity: z.number().nullable(),
  state: z.enum(["planned", "active", "closed"]),
});

export const BurndownAnswerSchema = z.object({
  days: z.array(z.object({ date: IsoDate, ideal: z.number(), remaining: z.number().nullable(), notAccepted: z.number().nullable() })),
  committed: z.number(),
  scopeChanges: z.array(z.object({ date: IsoDate, points: z.number() })),
});

export const VelocityAnswerSchema = z.array(z.object({ sprint: z.number().int(), committed: z.number(), accepted: z.number() }));

export const FeatureAnswerSchema = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  description: z.string(),
  goLiveId: Id.nullable(),
});

export const GoLiveAnswerSchema = z.object({
  id: Id,
  name: z.string(),
  sprintId: Id,
  cutoverOn: IsoDate,
  hypercareEnd: IsoDate,
  decision: z.enum(["go", "no_go"]).nullable(),
  releaseNoteUrl: z.string().nullable(),
  doneAt: IsoTime.nullable(),
});

export const GoLiveDoneAnswerSchema = GoLiveAnswerSchema.extend({ deliveredIdeas: z.array(z.string()) });

export const ReleasePlanAnswerSchema = z.object({
  kickoff: z.looseObject({ start: IsoDate, end: IsoDate }),
  sprints: z.array(SprintAnswerSchema),
  goLives: z.array(
    z.object({
      id: Id,
      name: z.string(),
      sprint: z.number().int().nullable(),
      cutoverOn: IsoDate,
      features: z.array(z.object({ id: Id, name: z.string() })),
      forecastSprint: z.number().int().nullable(),
      optimisticSprint: z.number().int().nullable(),
      pessimisticSprint: z.number().int().nullable(),
      unestimated: z.number().int(),
      noScope: z.boolean().describe("Nothing ships with it yet: no story in its features. Never on track."),
      atRisk: z.boolean(),
    }),
  ),
});
