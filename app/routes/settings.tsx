import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { requireUser } from "~/auth/session.server";
import { createToken, listTokens, revokeToken } from "~/auth/tokens.server";
import { RoleBadge } from "~/components/badges";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { formatTimestamp } from "~/lib/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";
import { notificationSettingsOf, updateNotificationSettings } from "~/notifications/settings.server";

export const meta: MetaFunction = () => pageMeta("Settings · Sprintlab", "Your Sprintlab settings and API tokens.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ user, tokens: listTokens(getDb(), user.id), mail: notificationSettingsOf(getDb(), user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  try {
    if (form.get("intent") === "email") {
      const saved = updateNotificationSettings(getDb(), user, { digest: form.get("digest"), immediateOfficialUpdates: form.get("immediateOfficialUpdates") === "on" });
      const digest = saved.digest === "off" ? "No digest emails" : saved.digest === "weekly" ? "A weekly digest" : "A daily digest";
      return redirectWithFlash("/settings", `Email choices saved. ${digest}${saved.immediateOfficialUpdates ? ", and official updates at once" : ""}.`);
    }
    if (form.get("intent") === "revoke-token") {
      revokeToken(getDb(), user.id, Number(form.get("tokenId")));
      return redirectWithFlash("/settings", "Token revoked. Scripts using it can no longer call the API.");
    }
    const created = createToken(getDb(), user.id, { name: form.get("name") });
    return json({ created: { token: created.token, name: String(form.get("name")).trim() }, errors: null });
  } catch (error) {
    return formError(error, form);
  }
}

const DIGESTS = [
  { value: "daily", label: "Daily: yesterday's notifications, each morning" },
  { value: "weekly", label: "Weekly: the past week's, on the first day of the week" },
  { value: "off", label: "Off: no digest emails" },
] as const;

export default function Settings() {
  const { user, tokens, mail } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const created = data && "created" in data ? data.created : null;
  const allErrors = data && "errors" in data ? data.errors : null;
  // The email form's refusal stays with it; every other refusal is the token form's.
  const emailErrors = allErrors?.values.intent === "email" ? allErrors : null;
  const errors = emailErrors ? null : allErrors;
  const active = tokens.filter((t) => !t.revokedAt);
  const revoked = tokens.filter((t) => t.revokedAt);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>Your account, the email Sprintlab sends you, and your personal access tokens for the JSON API.</p>
        </div>
      </div>

      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <p>
          <strong>{user.name}</strong> · {user.email} · <RoleBadge role={user.role} />
          {user.company ? <> · {user.company}</> : null}
        </p>
      </section>

      <section className="card" aria-labelledby="email-title">
        <h2 id="email-title">Email</h2>
        <p className="muted">Every notification is on your notifications page. By email you get them collected in a digest, as often as you choose here.</p>
        <PostForm className="form" noValidate>
          {emailErrors ? <FormMessage message={emailErrors.fields.digest ?? emailErrors.message} /> : null}
          <input type="hidden" name="intent" value="email" />
          <fieldset className="choice-group">
            <legend>Digest</legend>
            {DIGESTS.map((d) => (
              <label key={d.value} className="choice">
                <input type="radio" name="digest" value={d.value} defaultChecked={(emailErrors?.values.digest ?? mail.digest) === d.value} /> {d.label}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input type="checkbox" name="immediateOfficialUpdates" defaultChecked={emailErrors ? emailErrors.values.immediateOfficialUpdates === "on" : mail.immediateOfficialUpdates} /> Email me each official
            update on ideas I follow at once (it then stays out of the digest)
          </label>
          <button type="submit" className="button">
            Save email choices
          </button>
        </PostForm>
      </section>

      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">Personal access tokens</h2>
        <p className="muted">
          A token lets a script call <span className="mono">/api/v1</span> as you, with your role. Send it as{" "}
          <span className="mono">Authorization: Bearer &lt;token&gt;</span>.
        </p>
        {created ? (
          <div className="alert alert--info" role="status">
            <strong>Token “{created.name}” created.</strong> Copy it now — it will not be shown again.
            <code className="token-secret mono" data-testid="new-token">
              {created.token}
            </code>
          </div>
        ) : null}
        <PostForm className="form form--inline" noValidate>
          <FormMessage message={errors?.message} />
          <input type="hidden" name="intent" value="create-token" />
          <Field
            label="Token name"
            name="name"
            placeholder="e.g. Nightly backlog export"
            defaultValue={errors?.values.name ?? ""}
            error={errors?.fields.name}
          />
          <button type="submit" className="button">
            Create token
          </button>
        </PostForm>

        {active.length === 0 ? (
          <p className="muted">You have no active tokens. Create one above when a script needs the API.</p>
        ) : (
          <div className="table-wrap">
            <table className="responsive-table">
              <caption className="muted" style={{ textAlign: "left", padding: "0.75rem 0" }}>
                Active tokens
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="muted">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {active.map((t) => (
                  <tr key={t.id}>
                    <td data-label="Name">{t.name}</td>
                    <td data-label="Starts with" className="mono">
                      {t.prefix}…
                    </td>
                    <td data-label="Created">{formatTimestamp(t.createdAt)}</td>
                    <td data-label="Last used">{t.lastUsedAt ? formatTimestamp(t.lastUsedAt) : "Never"}</td>
                    <td>
                      <PostForm>
                        <input type="hidden" name="intent" value="revoke-token" />
                        <input type="hidden" name="tokenId" value={t.id} />
                        <button type="submit" className="button button--danger" aria-label={`Revoke token ${t.name}`}>
                          Revoke
                        </button>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {revoked.length > 0 ? (
          <p className="muted">
            {revoked.length} revoked token{revoked.length === 1 ? "" : "s"} no longer work.
          </p>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
