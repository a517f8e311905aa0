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
    expect(labels(navigationFor("customer", true))).toEqual(["My work", "Delivery", "Ideas Lab"]);
  });

  it("puts My work first for members of a project, whatever their global role", () => {
    expect(labels(navigationFor("staff", true))).toEqual(["My work", "Delivery", "Ideas Lab"]);
    expect(labels(navigationFor("admin", true))).toEqual(["My work", "Delivery", "Ideas Lab", "PM board", "Admin"]);
    expect(labels(navigationFor("pm", true))).toEqual(["My work", "Delivery", "Ideas Lab", "PM board"]);
  });

  it("lands PMs on their board, project members on My work, customers and partners on the Ideas Lab; the others choose", () => {
    expect(landingFor("pm")).toBe("/pm");
    expect(landingFor("pm", true)).toBe("/pm");
    expect(landingFor("customer")).toBe("/ideas");
    expect(landingFor("partner")).toBe("/ideas");
    expect(landingFor("customer", true)).toBe("/my-work");
    expect(landingFor("partner", true)).toBe("/my-work");
    expect(landingFor("staff", true)).toBe("/my-work");
    expect(landingFor("admin", true)).toBe("/my-work");
    expect(landingFor("staff")).toBeNull();
    expect(landingFor("admin")).toBeNull();
  });
});
