import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { forbidden, requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { navigationFor } from "~/components/navigation";

export const meta: MetaFunction = () => [{ title: "Delivery · Sprintlab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!navigationFor(user.role).some((item) => item.to === "/projects")) forbidden();
  return null;
}

export default function Projects() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Delivery</h1>
          <p>Projects from contract signature to the hand-over to Customer Care.</p>
        </div>
      </div>
      <div className="card empty-state">
        <h2>No projects yet</h2>
        <p>Projects you are a member of, and for staff every project in the portfolio, will be listed here.</p>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
