import { absoluteUrl } from "~/lib/app-url";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { getDb } from "~/lib/db.server";
import { ROLES } from "../../../db/schema/enums";
import { ROLE_LABELS } from "~/auth/permissions";
import { requirePermission } from "~/auth/session.server";
import { createUser, listUsers, updateUser } from "~/auth/users.server";
import { issueResetLink } from "~/auth/access.server";
import { RoleBadge } from "~/components/badges";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Users · Administration · Sprintlab");

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requirePermission(request, "admin.users");
  return json({ me: me.id, users: listUsers(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requirePermission(request, "admin.users");
  const form = await readForm(request);
  const intent = form.get("intent");
  const userId = Number(form.get("userId"));
  try {
    if (intent === "role") {
      const user = updateUser(getDb(), me, userId, { role: form.get("role") });
      return redirectWithFlash("/admin/users", `${user.name} is now ${ROLE_LABELS[user.role]}.`);
    }
    if (intent === "reset") {
      const link = issueResetLink(getDb(), me, userId);
      return json({ resetLink: absoluteUrl(link), errors: null });
    }
    if (intent === "company") {
      const user = updateUser(getDb(), me, userId, { company: String(form.get("company") ?? "") });
      return redirectWithFlash("/admin/users", `${user.name}'s company is now ${user.company ?? "none"}.`);
    }
    if (intent === "active") {
      const user = updateUser(getDb(), me, userId, { active: form.get("active") === "true" });
      return redirectWithFlash(
        "/admin/users",
        user.active ? `${user.name} can sign in again.` : `${user.name} is deactivated and signed out everywhere.`,
      );
    }
    const user = await createUser(getDb(), me, {
      email: form.get("email"),
      name: form.get("name"),
      role: form.get("role"),
      password: form.get("password"),
      company: form.get("company") || undefined,
    });
    return redirectWithFlash("/admin/users", `${user.name} can now sign in as ${user.email}.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function AdminUsers() {
  const { me, users } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const resetLink = data && "resetLink" in data ? data.resetLink : null;
  const creating = errors?.values.intent === "create";
  return (
    <>
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        {resetLink ? (
          <div className="alert alert--info" role="status">
            Reset link (valid one hour, also in the outbox):
            <code className="token-secret mono">{resetLink}</code>
          </div>
        ) : null}
        {!creating ? <FormMessage message={errors?.message} /> : null}
        <div className="table-wrap">
          <table className="responsive-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Company</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid={`user-${u.email}`}>
                  <td data-label="Name">
                    <strong>{u.name}</strong>
                  </td>
                  <td data-label="Email">{u.email}</td>
                  <td data-label="Company">
                    <PostForm className="row-actions">
                      <input type="hidden" name="intent" value="company" />
                      <input type="hidden" name="userId" value={u.id} />
                      <label className="visually-hidden" htmlFor={`company-${u.id}`}>
                        Company of {u.name}
                      </label>
                      <input id={`company-${u.id}`} name="company" defaultValue={u.company ?? ""} style={{ width: "9rem", minHeight: "2rem", padding: "0.25rem 0.5rem" }} />
                      <button type="submit" className="button button--quiet" aria-label={`Save company of ${u.name}`}>
                        Save
                      </button>
                    </PostForm>
                  </td>
                  <td data-label="Role">
                    {u.id === me ? (
                      <RoleBadge role={u.role} />
                    ) : (
                      <PostForm className="row-actions">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={u.id} />
                        <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                          Role of {u.name}
                        </label>
                        <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {ROLE_LABELS[r]}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--quiet">
                          Change role
                        </button>
                      </PostForm>
                    )}
                  </td>
                  <td data-label="Status">
                    <div className="row-actions">
                      <span className={u.active ? "badge badge--active" : "badge badge--inactive"}>
                        {u.active ? "Active" : "Deactivated"}
                      </span>
                      {u.active ? (
                        <PostForm>
                          <input type="hidden" name="intent" value="reset" />
                          <input type="hidden" name="userId" value={u.id} />
                          <button type="submit" className="button button--quiet" aria-label={`Issue a password reset link for ${u.name}`}>
                            Reset link
                          </button>
                        </PostForm>
                      ) : null}
                      {u.id === me ? null : (
                        <PostForm>
                          <input type="hidden" name="intent" value="active" />
                          <input type="hidden" name="userId" value={u.id} />
                          <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                          <button
                            type="submit"
                            className={u.active ? "button button--danger" : "button button--quiet"}
                            aria-label={`${u.active ? "Deactivate" : "Reactivate"} ${u.name}`}
                          >
                            {u.active ? "Deactivate" : "Reactivate"}
                          </button>
                        </PostForm>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">Add a user</h2>
        <PostForm className="form" noValidate>
          {creating ? <FormMessage message={errors?.message} /> : null}
          <input type="hidden" name="intent" value="create" />
          <Field label="Name" name="name" defaultValue={creating ? errors?.values.name : ""} error={creating ? errors?.fields.name : undefined} />
          <Field
            label="Email"
            name="email"
            type="email"
            defaultValue={creating ? errors?.values.email : ""}
            error={creating ? errors?.fields.email : undefined}
          />
          <div className={creating && errors?.fields.role ? "field field--error" : "field"}>
            <label htmlFor="new-role">Role</label>
            <select id="new-role" name="role" defaultValue={creating ? errors?.values.role : "customer"}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <Field
            label="Company"
            name="company"
            hint="For customers and partners."
            defaultValue={creating ? errors?.values.company : ""}
            error={creating ? errors?.fields.company : undefined}
          />
          <Field
            label="Initial password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters. Share it with the user by a separate channel."
            error={creating ? errors?.fields.password : undefined}
          />
          <div>
            <button type="submit" className="button">
              Add user
            </button>
          </div>
        </PostForm>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
