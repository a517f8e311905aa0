import { Form, useActionData, useNavigation, type FetcherWithComponents, type FormProps } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";

type PostFormProps = Omit<FormProps, "method" | "navigate" | "fetcherKey"> & {
  /** Send it through this fetcher instead of a page navigation; its answer is then the fetcher's data. */
  fetcher?: FetcherWithComponents<unknown>;
};

/**
 * Every form that changes data. Without JavaScript it is a plain POST whose redirect brings a
 * fresh page. With JavaScript Remix keeps the page mounted after the redirect, so the typed
 * text would stay and a second click would post the same thing again; this form therefore
 * takes one submission at a time, disables its buttons while the request is in flight, and
 * comes back empty once its own submission succeeded (a refused one keeps what was typed).
 * Only the form that was submitted resets: each instance tracks its own submission.
 */
export function PostForm({ fetcher, onSubmit, children, ...props }: PostFormProps) {
  const navigation = useNavigation();
  const actionData = useActionData();
  const state = fetcher ? fetcher.state : navigation.state;
  const answer = fetcher ? fetcher.data : actionData;
  // A new submission has new form data, even when it replaces one still in flight.
  const sending = fetcher ? fetcher.formData : navigation.formData;
  const form = useRef<HTMLFormElement>(null);
  // "sent": this form was submitted and the router has not taken it up yet; "busy": in flight.
  const phase = useRef<"idle" | "sent" | "busy">("idle");
  const disabledHere = useRef<HTMLButtonElement[]>([]);
  // Disabling the focused button drops the focus: it comes back to the same control afterwards.
  const focused = useRef(-1);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (phase.current === "idle") return;
    if (state !== "idle") {
      if (phase.current === "sent") {
        phase.current = "busy";
        // Only now: the submission's form data (with the clicked button's value) is already built.
        focused.current = form.current ? Array.from(form.current.elements).indexOf(document.activeElement as Element) : -1;
        disabledHere.current = buttonsOf(form.current).filter((b) => !b.disabled);
        for (const button of disabledHere.current) button.disabled = true;
        form.current?.setAttribute("aria-busy", "true");
      }
      return;
    }
    if (phase.current !== "busy") return;
    release();
    // After a redirect (no answer data), a fresh form from the page's current data: the typed
    // text goes, the new defaults come. An answer that is data for this page (a preview, a
    // vote's new count) or a refusal keeps the form as it is: remounting it then would replace
    // the very buttons the answer brought while someone is clicking them.
    if (answer === undefined) setGeneration((g) => g + 1);
    else restoreFocus(form.current, focused);
  }, [state, answer, sending]);

  useEffect(() => restoreFocus(form.current, focused), [generation]);

  function release() {
    phase.current = "idle";
    for (const button of disabledHere.current) button.disabled = false;
    disabledHere.current = [];
    form.current?.removeAttribute("aria-busy");
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    // The answer is on screen but its effect has not run yet, or the page is still reloading its
    // data after the answer: what the person clicks now (a button the answer just brought, which
    // was never disabled) is a new submission, not a second click. Dropping it left a click on
    // "Import 2 stories", right after the preview came, doing nothing.
    if (phase.current === "busy" && (state === "idle" || (state === "loading" && answer !== undefined))) release();
    if (phase.current !== "idle") {
      event.preventDefault();
      return;
    }
    onSubmit?.(event);
    if (!event.defaultPrevented) phase.current = "sent";
  }

  const Component = fetcher ? fetcher.Form : Form;
  return (
    <Component key={generation} ref={form} method="post" onSubmit={submit} {...props}>
      {children}
    </Component>
  );
}

function restoreFocus(form: HTMLFormElement | null, focused: { current: number }) {
  const index = focused.current;
  focused.current = -1;
  if (!form || index < 0 || (document.activeElement && document.activeElement !== document.body)) return;
  (form.elements[index] as HTMLElement | undefined)?.focus();
}

/** The form's buttons, including those placed elsewhere with a `form` attribute. */
function buttonsOf(form: HTMLFormElement | null): HTMLButtonElement[] {
  if (!form) return [];
  return Array.from(form.elements).filter((e): e is HTMLButtonElement => e instanceof HTMLButtonElement && e.type === "submit");
}
