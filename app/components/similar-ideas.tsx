import { Link } from "@remix-run/react";
import type { IdeaStatus } from "../../db/schema/ideas";
import { isOpen } from "../ideas/lifecycle";
import { StatusBadge } from "./status-badge";
import { VoteButton } from "./vote-button";

export type SimilarIdea = { key: string; title: string; status: IdeaStatus; votes: number; votedByMe: boolean; workaroundConfirmed?: boolean; portal: string; portalName: string };

/** "Is it one of these?" — vote instead of duplicating, one click. Hits from another portal say which. */
export function SimilarIdeas({ items, canVote, portal }: { items: SimilarIdea[]; canVote: boolean; portal: string }) {
  if (items.length === 0) return null;
  return (
    <section className="similar" aria-labelledby="similar-title" aria-live="polite">
      <h2 id="similar-title" style={{ fontSize: "1rem" }}>
        Similar ideas — vote for one instead of submitting a duplicate
      </h2>
      <ul>
        {items.map((idea) => (
          <li key={idea.key} data-testid={`similar-${idea.key}`}>
            <div>
              <Link to={`/ideas/${idea.key}`} target="_blank" rel="noreferrer">
                {idea.title}
              </Link>{" "}
              <span className="mono muted">{idea.key}</span> <StatusBadge status={idea.status} />
              {idea.portal !== portal ? <> <span className="muted">in {idea.portalName}</span></> : null}
              {idea.workaroundConfirmed ? <> <span className="badge badge--active">Work-around confirmed</span></> : null}
            </div>
            <VoteButton ideaKey={idea.key} title={idea.title} votes={idea.votes} voted={idea.votedByMe} canVote={canVote && isOpen(idea.status)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
