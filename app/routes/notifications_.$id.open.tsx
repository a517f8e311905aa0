import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { openNotification } from "~/notifications/notify.server";
import { isDomainError } from "~/lib/errors";
import { ErrorPage } from "~/components/error-page";

/** A GET changes nothing: it only leads back to the list. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/notifications");
}

/** Opening a notification: it is marked read, then the reader lands on the exact comment or update. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    return redirect(openNotification(getDb(), user.id, Number(params.id)));
  } catch (error) {
    if (isDomainError(error)) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
