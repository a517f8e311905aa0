/**
 * Changing or removing what was made by mistake in Delivery (go-lives, features, members): the
 * rules as pure functions. Each answers the sentence that refuses, or null when it is allowed.
 */
import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { count } from "../lib/confirm";

/** A moved cutover takes its hypercare along: the same number of days after it as before. */
export function hypercareAfterMove(goLive: { cutoverOn: string; hypercareEnd: string }, cutoverOn: string): string {
  const length = Math.max(0, differenceInCalendarDays(parseISO(goLive.hypercareEnd), parseISO(goLive.cutoverOn)));
  return format(addDays(parseISO(cutoverOn), length), "yyyy-MM-dd");
}

/** Hypercare follows the cutover: it ends on the cutover day or later. */
export function hypercareRefusal(cutoverOn: string, hypercareEnd: string): string | null {
  return hypercareEnd < cutoverOn ? `Hypercare ends on the cutover (${cutoverOn}) or later.` : null;
}

/**
 * What a done go-live still lets change: its name and its hypercare (which runs after the
 * cutover). Its scope, sprint, cutover and release note are what shipped.
 */
export function doneGoLiveRefusal(name: string, changing: { scope?: boolean; sprint?: boolean; cutover?: boolean; releaseNote?: boolean }): string | null {
  const frozen = [changing.scope && "scope", changing.sprint && "sprint", changing.cutover && "cutover", changing.releaseNote && "release note"].filter(Boolean);
  const list = frozen.length > 1 ? `${frozen.slice(0, -1).join(", ")} and ${frozen.at(-1)}` : frozen[0];
  return frozen.length ? `${name} is done: its ${list} ${frozen.length === 1 ? "is" : "are"} what shipped and no longer change${frozen.length === 1 ? "s" : ""}.` : null;
}

/**
 * A go-live made by mistake may be deleted while nothing has happened to it: not done, and no
 * go / no-go recorded (the decision is part of its acceptance record).
 */
export function goLiveDeleteRefusal(goLive: { name: string; doneAt: string | null; decision: string | null }): string | null {
  if (goLive.doneAt) return `${goLive.name} is done, so it stays in the history.`;
  if (goLive.decision) return `A ${goLive.decision === "go" ? "go" : "no-go"} was recorded for ${goLive.name}, and its acceptance record names it, so it cannot be deleted.`;
  return null;
}

export function goLiveDeleteConsequence(name: string, features: number): string {
  return `${name} is deleted with its change log; ${features ? `its ${count(features, "feature")} go${features === 1 ? "es" : ""} back to the unplanned features` : "it has no features"}.`;
}

/** A feature is deleted only when no story belongs to it: the stories move to another feature first. */
export function featureDeleteRefusal(name: string, stories: number): string | null {
  if (!stories) return null;
  return `${count(stories, "story", "stories")} belong${stories === 1 ? "s" : ""} to ${name}: move ${stories === 1 ? "it" : "them"} to another feature (or to none) first.`;
}

/**
 * The project must keep a scrum master (SPEC: "everything in the project … members"): the last
 * one can be neither removed nor given another role.
 */
export function lastScrumMasterRefusal(member: { name: string; role: string }, scrumMasters: number, change: "remove" | { role: string }): string | null {
  if (member.role !== "scrum_master" || scrumMasters > 1) return null;
  if (change !== "remove" && change.role === "scrum_master") return null;
  return `${member.name} is the project's only scrum master: make another member scrum master first.`;
}

/** What a member's removal takes from them in the project (counted inside its transaction). */
export type MemberRemoval = { stories: number; blockers: number; retroActions: number; daysOff: number };

/**
 * The sentence a scrum master confirms before a member leaves, with the real numbers:
 * "Dana Dev leaves Acme: 3 stories become unassigned, 1 open blocker loses its owner, …".
 * Only what changes is named; with nothing to hand over it says so.
 */
export function memberRemovalConsequence(name: string, project: string, r: MemberRemoval): string {
  const parts = [
    r.stories ? `${count(r.stories, "story", "stories")} become${r.stories === 1 ? "s" : ""} unassigned` : "",
    r.blockers ? `${count(r.blockers, "open blocker")} lose${r.blockers === 1 ? "s its" : " their"} owner` : "",
    r.retroActions ? `${count(r.retroActions, "retrospective action")} lose${r.retroActions === 1 ? "s its" : " their"} owner` : "",
    r.daysOff ? `${count(r.daysOff, "future day off", "future days off")} ${r.daysOff === 1 ? "is" : "are"} removed` : "",
  ].filter(Boolean);
  return parts.length ? `${name} leaves ${project}: ${parts.join(", ")}.` : `${name} leaves ${project}: nothing is assigned to them; what they did stays in the history.`;
}

/** The flash after a member left: what was handed back, in the past tense. */
export function memberRemovedMessage(r: { name: string; unassigned: number; blockers: number; retroActions: number; daysOff: number }): string {
  const parts = [
    r.unassigned ? `${count(r.unassigned, "story", "stories")} unassigned` : "",
    r.blockers ? `${count(r.blockers, "open blocker")} without an owner` : "",
    r.retroActions ? `${count(r.retroActions, "retrospective action")} without an owner` : "",
    r.daysOff ? `${count(r.daysOff, "future day off", "future days off")} removed` : "",
  ].filter(Boolean);
  return `${r.name} left the project${parts.length ? `: ${parts.join(", ")}` : ""}.`;
}
