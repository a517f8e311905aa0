import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { landingFor, navigationFor } from "~/components/navigation";
import { hasProjects } from "~/delivery/projects.server";
import { getDb } from "~/lib/db.server";

const DESCRIPTIONS: Record<string, string> = {
  "/my-work": "Your stories in running sprints, decisions awaiting you, your blockers and actions, and today's ceremonies.",
  "/projects": "Kickoff and release planning, the ranked backlog, three-week sprints, demos and go-lives.",
  "/ideas": "Submit ideas for PureEngage, PureConnect and PureCloud, spend your 10 votes and follow them to delivery.",
  "/pm": "Open ideas of your categories by votes and due date: answer overdue clocks and move ideas from one table.",
  "/admin": "Users and roles, holidays for the business-day calendar.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const onProjects = hasProjects(getDb(), user.id);
  const home = landingFor(user.role, onProjects);
  if (home) return redirect(home);
  return json({ name: user.name, sections: navigationFor(user.role, onProjects) });
}

export default function Home() {
  const { name, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Welcome, {name.split(" ")[0]}</h1>
          <p>Where would you like to go?</p>
        </div>
      </div>
      <div className="grid">
        {sections.map((s) => (
          <Link key={s.to} to={s.to} className="tile">
            <h2>{s.label}</h2>
            <p>{DESCRIPTIONS[s.to]}</p>
          </Link>
        ))}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
