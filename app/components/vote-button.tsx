import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useAnnounce } from "./live-region";
import { PostForm } from "./post-form";

type VoteButtonProps = {
  ideaKey: string;
  title: string;
  votes: number;
  voted: boolean;
  /** Closed ideas take no votes; roles that do not vote see the count only. */
  canVote: boolean;
};

type VoteAnswer = { ok: true; voted: boolean; votes: number; available: number; budget: number } | { ok: false; error: string };

/**
 * The vote count and the vote / un-vote button. With JavaScript it answers at once (optimistic)
 * and shows a refusal next to the button; without, it is a plain form that comes back here.
 */
export function VoteButton({ ideaKey, title, votes, voted, canVote }: VoteButtonProps) {
  const fetcher = useFetcher<VoteAnswer>();
  const location = useLocation();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // Each answer is said once in the page's live region: the button's own change is silent.
  const announce = useAnnounce();
  const said = useRef<VoteAnswer | undefined>(undefined);
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (!answer || !answer.ok || said.current === answer) return;
    said.current = answer;
    const left = `${answer.available} of ${answer.budget} ${answer.budget === 1 ? "vote" : "votes"} left`;
    announce(answer.voted ? `Vote recorded for ${title}, ${left}.` : `Vote taken back from ${title}, ${left}.`);
  }, [answer, title, announce]);

  const pending = fetcher.formData?.get("intent");
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  let shownVoted = voted;
  let shownVotes = votes;
  if (pending === "vote") {
    shownVoted = true;
    shownVotes = votes + (voted ? 0 : 1);
  } else if (pending === "unvote") {
    shownVoted = false;
    shownVotes = votes - (voted ? 1 : 0);
  }

  return (
    <div className="vote-box">
      <span className="vote-box__count" data-testid={`votes-${ideaKey}`}>
        {shownVotes}
      </span>{" "}
      <span className="vote-box__label">{shownVotes === 1 ? "vote" : "votes"}</span>
      {canVote ? (
        <PostForm fetcher={fetcher} action={`/ideas/${ideaKey}/vote`}>
          <input type="hidden" name="intent" value={shownVoted ? "unvote" : "vote"} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
          <button
            type="submit"
            className="button button--quiet vote-button"
            aria-pressed={shownVoted}
            // The name starts with the words shown (WCAG 2.5.3), then says which idea.
            aria-label={shownVoted ? `Voted, take back your vote for ${title}` : `Vote for ${title}`}
          >
            {shownVoted ? (
              <>
                Voted <span aria-hidden="true">✓</span>
              </>
            ) : (
              "Vote"
            )}
          </button>
        </PostForm>
      ) : null}
      {error ? (
        <p className="vote-box__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
