import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { listIdeasForPage } from "~/ideas/idea-lists.server";
import { createPortal, getPortal, listPortals } from "~/ideas/portals.server";
import { freshDb } from "../support/db";
import { refusal } from "../support/refusal";
import { makeIdea, makePortal, makeUser } from "../support/factories";

let db: Db;
beforeEach(() => {
  db = freshDb();
});

describe("idea lists that never dead-end", () => {
  it("falls back to the default status, sort and page with a notice for each", async () => {
    const { slug, prefix } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    makeIdea(db, customer, prefix);
    const page = listIdeasForPage(db, customer, { portal: slug, status: "shipped", sort: "hottest", page: "two" });
    expect(page.total).toBe(1);
    expect(page.page).toBe(1);
    expect(page.notices).toEqual([
      "There is no status “shipped”, so every status is shown.",
      "Ideas cannot be sorted by “hottest”; they are sorted by top votes.",
      "“two” is not a page number, so page 1 is shown.",
    ]);
    expect(listIdeasForPage(db, customer, { portal: slug, status: "community_review" }).notices).toEqual([]);
  });

  it("shows every category when the category is unknown here", async () => {
    const { slug, prefix } = await makePortal(db);
    const other = await makePortal(db);
    const customer = await makeUser(db, "customer");
    makeIdea(db, customer, prefix);
    const page = listIdeasForPage(db, customer, { portal: slug, category: other.prefix });
    expect(page.total).toBe(1);
    expect(page.notices).toEqual([`There is no category “${other.prefix}” here, so every category is shown.`]);
  });

  it("says when a page lies past the end", async () => {
    const { slug, prefix } = await makePortal(db);
    const customer = await makeUser(db, "customer");
    makeIdea(db, customer, prefix);
    const page = listIdeasForPage(db, customer, { portal: slug, page: "9" });
    expect(page).toMatchObject({ pastEnd: true, pages: 1, page: 9, items: [] });
    expect(listIdeasForPage(db, customer, { portal: slug, page: "1" }).pastEnd).toBe(false);
  });
});

describe("a portal without categories", () => {
  it("is hidden from customers, partners and PMs and shown to admins", async () => {
    const { admin, slug } = await makePortal(db);
    createPortal(db, admin, { name: "Empty portal", slug: "empty-portal", voteThreshold: 20 });
    const customer = await makeUser(db, "customer");
    const pm = await makeUser(db, "pm");
    for (const viewer of [customer, pm]) {
      const slugs = listPortals(db, viewer).map((p) => p.slug);
      expect(slugs).toContain(slug);
      expect(slugs).not.toContain("empty-portal");
      expect(refusal(() => getPortal(db, "empty-portal", viewer)).code).toBe("not_found");
    }
    expect(listPortals(db, admin).map((p) => p.slug)).toContain("empty-portal");
    expect(getPortal(db, "empty-portal", admin).categories).toEqual([]);
  });
});
