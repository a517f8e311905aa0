/**
 * The closed sets of values the schema stores, as plain constants: pages import them from here
 * without pulling drizzle's table definitions into the browser bundle.
 */
export const ROLES = ["admin", "pm", "staff", "customer", "partner"] as const;
export type Role = (typeof ROLES)[number];

export const IDEA_STATUSES = ["community_review", "under_pm_review", "accepted", "in_development", "delivered", "not_planned", "merged"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const COMMENT_KINDS = ["comment", "workaround", "official"] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const PROJECT_KINDS = ["customer_engagement", "product_release"] as const;
export const PROJECT_ROLES = ["scrum_master", "product_owner", "co_product_owner", "team", "viewer"] as const;
export const STORY_TYPES = ["story", "defect", "spike"] as const;
export const STORY_STATUSES = ["todo", "in_progress", "done", "accepted"] as const;
/** What the charts replay (created, status, estimate, sprint, wont_do) and the story's other edits, for its history. */
export const STORY_EVENT_KINDS = ["created", "status", "estimate", "sprint", "wont_do", "title", "type", "description", "criteria", "feature", "assignee", "doc_kinds", "attachment_removed"] as const;
export const SPRINT_STATES = ["planned", "active", "closed"] as const;
