import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import type { ReactNode } from "react";
import { getUser } from "./auth/session.server";
import { RoleBadge } from "./components/badges";
import { ErrorPage } from "./components/error-page";
import { LiveRegion } from "./components/live-region";
import { navigationFor } from "./components/navigation";
import { pageMeta } from "./components/page-meta";
import { readFlash } from "./web/flash.server";
import { getDb } from "./lib/db.server";
import { globalCan } from "./auth/permissions";
import { unreadCount } from "./notifications/notify.server";
import { voteBalance } from "./ideas/votes.server";
import { hasProjects } from "./delivery/projects.server";
import { initials } from "./delivery/assignees";
import { useNonce } from "./lib/nonce";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => pageMeta("Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const flash = await readFlash(request);
  const db = getDb();
  return json(
    {
      user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
      nav: user ? navigationFor(user.role, hasProjects(db, user.id)) : [],
      votesLeft: user && globalCan(user.role, "ideas.vote") ? voteBalance(db, user.id).available : null,
      unread: user ? unreadCount(db, user.id) : 0,
      flash: flash.message ? { message: flash.message, kind: flash.kind } : null,
    },
    { headers: flash.message ? { "Set-Cookie": flash.setCookie } : {} },
  );
}

/** A plain GET form, so Enter searches with or without JavaScript; a typed key lands on its story or idea. */
function HeaderSearch() {
  const location = useLocation();
  const current = location.pathname === "/search" ? new URLSearchParams(location.search).get("q") ?? "" : "";
  return (
    <Form method="get" action="/search" role="search" className="header-search">
      <label htmlFor="header-search" className="visually-hidden">
        Search
      </label>
      <input id="header-search" name="q" type="search" placeholder="Key or words" defaultValue={current} key={current} maxLength={400} />
    </Form>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          <span className="brand__name">Sprintlab</span>
          <span className="visually-hidden">, start page</span>
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="main-nav">
              {data.nav.map((item) => (
                <NavLink key={item.to} to={item.to} className="main-nav__link">
                  {item.label}
                </NavLink>
              ))}
            </nav>
            <HeaderSearch />
            <div className="user-menu">
              {data.votesLeft !== null ? (
                <Link to="/my-votes" className="user-menu__votes" data-testid="votes-left">
                  {data.votesLeft} {data.votesLeft === 1 ? "vote" : "votes"} left
                </Link>
              ) : null}
              {/* A bell, as in every tracker; its name is said to screen readers and shown as a tooltip. */}
              <Link to="/notifications" className="user-menu__bell" title="Notifications">
                <svg className="user-menu__bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                  <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z" fill="currentColor" />
                </svg>
                <span className="visually-hidden">Notifications</span>
                {data.unread > 0 ? (
                  <span className="count-badge">
                    {data.unread}
                    <span className="visually-hidden"> unread</span>
                  </span>
                ) : null}
              </Link>
              {/* On a phone the name gives way to its initials; screen readers hear the name either way. */}
              <Link to="/settings" className="user-menu__name" title={user.email}>
                <span className="avatar user-menu__initials" aria-hidden="true">
                  {initials(user.name)}
                </span>
                <span className="user-menu__full-name">{user.name}</span>
              </Link>
              <span className="user-menu__role">
                <RoleBadge role={user.role} />
              </span>
              <PostForm action="/sign-out">
                <button type="submit" className="button button--quiet">
                  Sign out
                </button>
              </PostForm>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Header />
        <LiveRegion flash={data?.flash && data.flash.kind !== "error" ? data.flash.message : null}>
          {data?.flash?.kind === "error" ? (
            <div className="flash flash--error" role="alert">
              {data.flash.message}
            </div>
          ) : null}
          <main id="main" className="page">
            {children}
          </main>
        </LiveRegion>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
