import type { ReactNode } from "react";
import { isWebLink } from "~/lib/validation";

/**
 * A link to somewhere outside Sprintlab that a user typed. Only http and https addresses become
 * links (a stored `javascript:` from before the rule is shown as text, never run), and they open
 * without telling the other site where the reader came from.
 */
export function WebLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  if (!isWebLink(href)) return <span title="Not a web address, so not shown as a link">{children}</span>;
  return (
    <a href={href} rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}
