/** A story's History tab (issue: the story page is the story's home), read from its events. */
import type { StoryEventKind } from "./burndown";
import { STORY_STATUS_LABELS } from "./backlog";

export type StoredStoryEvent = { kind: StoryEventKind; from: string | null; to: string | null; at: string; by: string | null };

export type HistoryLine = { at: string; by: string | null; what: string; from: string | null; to: string | null };

export type HistoryNames = {
  user: (id: number) => string | null;
  feature: (id: number) => string | null;
  sprint: (id: number) => number | null;
};

const FIELD: Partial<Record<StoryEventKind, string>> = {
  title: "title",
  type: "type",
  description: "description",
  criteria: "acceptance criteria",
  feature: "feature",
  assignee: "assignee",
  estimate: "points",
  status: "status",
  sprint: "sprint",
  doc_kinds: "As-Delivered documents",
};

function list(value: string | null): string | null {
  if (value === null) return null;
  try {
    const items = JSON.parse(value) as unknown;
    return Array.isArray(items) ? (items.length ? items.map(String).join("; ") : null) : value;
  } catch {
    return value;
  }
}

function shown(kind: StoryEventKind, value: string | null, names: HistoryNames): string | null {
  if (value === null || value === "") return null;
  switch (kind) {
    case "status":
      return STORY_STATUS_LABELS[value] ?? value;
    case "sprint": {
      const n = names.sprint(Number(value));
      return n === null ? "a sprint" : `Sprint ${n}`;
    }
    case "feature":
      return names.feature(Number(value)) ?? "a removed feature";
    case "assignee":
      return names.user(Number(value)) ?? "a former member";
    case "criteria":
    case "doc_kinds":
      return list(value);
    default:
      return value;
  }
}

/** Newest first: who changed what from what to what, and when. */
export function storyHistory(events: readonly StoredStoryEvent[], names: HistoryNames): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const e of events) {
    if (e.kind === "created") {
      lines.push({ at: e.at, by: e.by, what: "created the story", from: null, to: null });
      continue;
    }
    if (e.kind === "wont_do") {
      lines.push({ at: e.at, by: e.by, what: e.to === "true" ? "closed it as won't do" : "restored it to the backlog", from: null, to: null });
      continue;
    }
    if (e.kind === "attachment_removed") {
      // The attachment's row stays out of sight; its removal is part of the story's record.
      lines.push({ at: e.at, by: e.by, what: `removed the attachment “${e.from ?? "?"}”`, from: null, to: null });
      continue;
    }
    const field = FIELD[e.kind];
    if (!field) continue;
    lines.push({ at: e.at, by: e.by, what: `changed the ${field}`, from: shown(e.kind, e.from, names), to: shown(e.kind, e.to, names) });
  }
  return lines.reverse();
}
