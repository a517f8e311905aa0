import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";

const COPY: Record<number, { title: string; text: string }> = {
  401: { title: "Please sign in", text: "This page needs you to be signed in." },
  403: {
    title: "You don't have access to this page",
    text: "Your role does not allow this. If you think it should, ask an admin.",
  },
  404: { title: "Page not found", text: "There is nothing at this address. It may have moved or never existed." },
};

/** The friendly 403 / 404 / 500 page every route uses as its ErrorBoundary. */
export function ErrorPage() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const copy = COPY[status] ?? {
    title: "Something went wrong",
    text: "The error has been logged. Try again, or go back to the start.",
  };
  // On the server, entry.server's handleError has logged it already (once, with the request id).
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">Error {status}</p>
      <h1 id="error-title">{copy.title}</h1>
      <p>{copy.text}</p>
      <p className="actions">
        <Link className="button" to="/">
          Go to the start page
        </Link>
      </p>
    </section>
  );
}
