/**
 * @mentions: a handle is the part of a member's email before the @ (`@copo` for
 * copo@example.com), as people type it in notes, standups, retrospectives and story threads.
 */
const MENTION = /(^|[^\w@.])@([a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9])/gi;

export function mentionHandles(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(MENTION)) found.add(m[2].toLowerCase());
  return [...found];
}

export function handleOf(email: string): string {
  return email.slice(0, email.indexOf("@")).toLowerCase();
}

/** The handles an edit adds: someone mentioned before the edit is not told again. */
export function newMentions(before: string, after: string): string[] {
  const old = new Set(mentionHandles(before));
  return mentionHandles(after).filter((h) => !old.has(h));
}
