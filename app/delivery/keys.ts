/** Project keys (`ACME`) and story keys (`ACME-42`), SPEC A2. */

export const PROJECT_KEY = /^[A-Z]{2,10}$/;
export const PROJECT_KEY_MESSAGE = "A project key is 2 to 10 capital letters, like ACME.";

/** Words of a name as capital letters only (accents dropped: "Zürich" → "ZURICH"). */
function letterWords(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
}

/**
 * A key for a project that was given none: the first word of its name (up to 10 letters), or
 * the initials when the first word is a single letter; when taken, letters of the next words are
 * added, then a letter from A to Z.
 */
export function deriveProjectKey(name: string, taken: ReadonlySet<string>): string {
  const words = letterWords(name);
  const first = words[0] ?? "";
  let base = first.length >= 2 ? first.slice(0, 10) : words.map((w) => w[0]).join("").slice(0, 10);
  if (base.length < 2) base = (base + "PROJECT").slice(0, 7);
  if (!taken.has(base)) return base;
  const rest = words.slice(1).join("");
  for (let i = 1; i <= rest.length && base.length + i <= 10; i++) {
    const candidate = base + rest.slice(0, i);
    if (!taken.has(candidate)) return candidate;
  }
  const stem = base.slice(0, 9);
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (!taken.has(stem + letter)) return stem + letter;
  }
  for (let n = 0; ; n++) {
    const candidate = (stem.slice(0, 7) + toLetters(n)).slice(0, 10);
    if (!taken.has(candidate)) return candidate;
  }
}

/** 0 → AAA, 1 → AAB, …: a letters-only counter. */
function toLetters(n: number): string {
  let out = "";
  for (let i = 0; i < 3; i++) {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/** A story as a sentence names it: `ACME-7 “Title”` (the title alone for a story from before keys). */
export function storyMention(story: { key?: string | null; title: string }): string {
  return story.key ? `${story.key} “${story.title}”` : `“${story.title}”`;
}

export function storyKey(projectKey: string, number: number): string {
  return `${projectKey}-${number}`;
}

/** `acme-42` or ` ACME-42 ` → { projectKey: "ACME", number: 42 }; anything else → null. */
export function parseStoryKey(text: string): { projectKey: string; number: number } | null {
  const match = /^\s*([A-Za-z]{2,10})-(\d{1,9})\s*$/.exec(text);
  if (!match) return null;
  const number = Number(match[2]);
  return number > 0 ? { projectKey: match[1].toUpperCase(), number } : null;
}
