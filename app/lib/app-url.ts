/**
 * The address users open Sprintlab at: `APP_URL` (e.g. https://sprintlab.example.com), else
 * http://localhost:$PORT. Every absolute link the app writes — mail, the calendar feed and its
 * subscribe URL, the API — is built here, never from a request's Host header, which a client or
 * a misconfigured proxy chooses.
 */
export function appUrl(): string {
  const configured = process.env.APP_URL?.trim();
  if (configured) {
    const url = new URL(configured);
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  }
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** An absolute link to a path of this installation (`/sprints/4` → `https://…/sprints/4`). */
export function absoluteUrl(path: string): string {
  return `${appUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
