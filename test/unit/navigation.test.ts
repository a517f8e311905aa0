import { describe, expect, it } from "vitest";
import { landingFor, navigationFor } from "~/components/navigation";

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("navigationFor", () => {
  it("gives admins every section", () => {
    expect(labels(navigationFor("admin"))).toEqual(["Delivery", "Ideas Lab", "PM board", "Admin"]);
  });

  it("gives staff Delivery and the Ideas Lab, and PMs their board too", () => {
    expect(labels(navigationFor("staff"))).toEqual(["Delivery", "Ideas Lab"]);
    expect(labels(navigationFor("pm"))).toEqual(["Delivery", "Ideas Lab", "PM board"]);
  });

  it("gives customers and partners the Ideas Lab, and Delivery once they are on a project", () => {
    expect(labels(navigationFor("customer"))).toEqual(["Ideas Lab"]);
    expect(labels(navigationFor("partner"))).toEqual(["Ideas Lab"]);
    expect(labels(navigationFor("customer", true))).toEqual(["Delivery", "Ideas Lab"]);
  });

  it("lands PMs on their board and customers and partners on the Ideas Lab; the others choose", () => {
    expect(landingFor("pm")).toBe("/pm");
    expect(landingFor("customer")).toBe("/ideas");
    expect(landingFor("partner")).toBe("/ideas");
    expect(landingFor("customer", true)).toBeNull();
    expect(landingFor("staff")).toBeNull();
    expect(landingFor("admin")).toBeNull();
  });
});
