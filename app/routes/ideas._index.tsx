import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";

export const meta: MetaFunction = () => [{ title: "Ideas Lab · Sprintlab" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function Ideas() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Ideas Lab</h1>
          <p>Ideas from customers and partners, prioritised with a budget of 10 votes each.</p>
        </div>
      </div>
      <div className="card empty-state">
        <h2>No portals open yet</h2>
        <p>The PureEngage, PureConnect and PureCloud portals will be listed here with their ideas.</p>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
