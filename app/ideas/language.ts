/** The terms a new installation starts with (SPEC B6); admins edit the list. */
export const DEFAULT_TERMS = ["garbage", "stupid", "useless", "hate", "terrible", "idiot", "awful", "worst"];

export const LANGUAGE_GUIDELINE =
  "Please keep it positive: describe what you need and why, without words like “{term}”. Our community guideline asks for constructive language.";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first listed term found as a whole word, in any case ("hate" does not match "whatever"). */
export function findBlockedTerm(text: string, terms: readonly string[]): string | null {
  for (const term of terms) {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])${escapeRegExp(term)}($|[^\\p{L}\\p{N}_])`, "iu");
    if (pattern.test(text)) return term;
  }
  return null;
}

export function guidelineFor(term: string): string {
  return LANGUAGE_GUIDELINE.replace("{term}", term);
}
