import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { PostForm } from "~/components/post-form";
import { useEffect, useRef, useState } from "react";
import { getDb } from "~/lib/db.server";
import { globalCan } from "~/auth/permissions";
import { forbidden, requireUser } from "~/auth/session.server";
import { ErrorPage } from "~/components/error-page";
import { Field, FormMessage } from "~/components/field";
import { SimilarIdeas, type SimilarIdea } from "~/components/similar-ideas";
import { createIdea } from "~/ideas/ideas.server";
import { similarIdeas } from "~/ideas/idea-lists.server";
import { getPortal } from "~/ideas/portals.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formError, formValues, orErrorPage, readForm } from "~/lib/forms.server";
import { pageMeta } from "~/components/page-meta";

export const meta: MetaFunction = () => pageMeta("Submit an idea · Ideas Lab · Sprintlab", "Suggest an idea: say what you need and why, and others can vote on it.");

async function load(request: Request, slug: string) {
  const user = await requireUser(request);
  if (!globalCan(user.role, "ideas.submit")) forbidden();
  return { user, portal: orErrorPage(() => getPortal(getDb(), slug, user)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, portal } = await load(request, params.slug ?? "");
  return json({ portal, canVote: globalCan(user.role, "ideas.vote") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, portal } = await load(request, params.slug ?? "");
  const form = await readForm(request);
  if (form.get("intent") === "similar") {
    // Without JavaScript: show the similar ideas for the typed title, keeping what was typed.
    return json({ similar: similarIdeas(getDb(), String(form.get("title") ?? ""), user.id), values: formValues(form), errors: null });
  }
  try {
    const idea = createIdea(getDb(), user, {
      category: form.get("category"),
      title: form.get("title"),
      description: form.get("description"),
      businessImpact: form.get("businessImpact") || undefined,
    }, { portal: portal.slug });
    return redirectWithFlash(`/ideas/${idea.key}`, `Thanks! ${idea.key} is open for votes and comments.`);
  } catch (error) {
    return formError(error, form);
  }
}

export default function NewIdea() {
  const { portal, canVote } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "errors" in data ? data.errors : null;
  const values = (data && "values" in data ? data.values : errors?.values) ?? {};
  const fetcher = useFetcher<{ items: SimilarIdea[] }>();
  const [title, setTitle] = useState(values.title ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    clearTimeout(timer.current);
    if (title.trim().length < 3) return;
    timer.current = setTimeout(() => fetcher.load(`/portals/${portal.slug}/similar?q=${encodeURIComponent(title)}`), 250);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [title, portal.slug]);

  const similar = title.trim().length >= 3 && fetcher.data ? fetcher.data.items : data && "similar" in data ? data.similar : [];

  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted">
            <Link to={`/portals/${portal.slug}`}>{portal.name}</Link> /
          </p>
          <h1>Submit an idea</h1>
          <p>Three fields. Others vote for it; at {portal.voteThreshold} customer and partner votes a product manager reviews it.</p>
        </div>
      </div>
      <div className="card">
        {/* The similar ideas carry vote forms of their own, so they sit between the title's form and
            the rest of the fields, which join the same form through the `form` attribute. */}
        <PostForm id="intake" className="form" style={{ maxWidth: "40rem" }} noValidate>
          <FormMessage message={errors && !Object.keys(errors.fields).length ? errors.message : null} />
          <Field
            label="Title"
            name="title"
            hint="What should the product do? One sentence."
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            autoComplete="off"
            error={errors?.fields.title}
          />
          <noscript>
            <button type="submit" name="intent" value="similar" className="button button--quiet">
              Look for similar ideas first
            </button>
          </noscript>
        </PostForm>
        <div style={{ maxWidth: "40rem", margin: "1rem 0" }}>
          <SimilarIdeas items={similar} canVote={canVote} portal={portal.slug} />
        </div>
        <div className="form" style={{ maxWidth: "40rem" }}>
          <div className={errors?.fields.description ? "field field--error" : "field"}>
            <label htmlFor="description">Description</label>
            <p className="field__hint" id="description-hint">
              What do you need, and why? Who is affected, and how do you work around it today?
            </p>
            <textarea
              id="description"
              name="description"
              form="intake"
              defaultValue={values.description ?? ""}
              aria-describedby={errors?.fields.description ? "description-hint description-error" : "description-hint"}
              aria-invalid={errors?.fields.description ? true : undefined}
            />
            {errors?.fields.description ? (
              <p className="field__error" id="description-error">
                {errors.fields.description}
              </p>
            ) : null}
          </div>
          <div className={errors?.fields.category ? "field field--error" : "field"}>
            <label htmlFor="category">Category</label>
            <select id="category" name="category" form="intake" defaultValue={values.category ?? ""} aria-invalid={errors?.fields.category ? true : undefined}>
              <option value="">Choose a category</option>
              {portal.categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
            {errors?.fields.category ? <p className="field__error">{errors.fields.category}</p> : null}
          </div>
          <details>
            <summary>Add a private business-impact note (optional)</summary>
            <div className="field" style={{ marginTop: "0.75rem" }}>
              <label htmlFor="businessImpact">Business impact</label>
              <p className="field__hint">End customers, seats, deadline, revenue at stake. Only you, product managers and admins see it.</p>
              <textarea id="businessImpact" name="businessImpact" form="intake" defaultValue={values.businessImpact ?? ""} />
            </div>
          </details>
          <div>
            <button type="submit" form="intake" className="button">
              Submit idea
            </button>
          </div>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
