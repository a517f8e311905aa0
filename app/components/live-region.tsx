import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/**
 * The page's one polite live region (role=status), in the layout from the first byte so that
 * screen readers already watch it when something changes: it shows the flash message of the
 * last form (a vote, a move in the backlog) and says, for screen readers only, what a change made
 * without a page load did ("Vote recorded for …, 3 of 10 votes left").
 */
export function LiveRegion({ flash, children }: { flash: string | null; children: ReactNode }) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const announce = useCallback<Announce>((next) => {
    // Emptied first, so that the same sentence twice is said twice.
    setMessage("");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A new page's flash replaces what the last page announced.
  useEffect(() => setMessage(""), [flash]);
  return (
    <AnnounceContext.Provider value={announce}>
      <div role="status" aria-live="polite" className="live-region">
        {flash ? <div className="flash">{flash}</div> : null}
        <span className="visually-hidden" data-testid="announcement">
          {message}
        </span>
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

/** Say a sentence in the page's live region. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
