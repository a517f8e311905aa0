import { describe, expect, it } from "vitest";
import { navigationFor } from "~/components/navigation";

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("navigationFor", () => {
  it("gives admins every section", () => {
    expect(labels(navigationFor("admin"))).toEqual(["Delivery", "Ideas Lab", "Admin"]);
  });

  it("gives staff and PMs Delivery and the Ideas Lab", () => {
    expect(labels(navigationFor("staff"))).toEqual(["Delivery", "Ideas Lab"]);
    expect(labels(navigationFor("pm"))).toEqual(["Delivery", "Ideas Lab"]);
  });

  it("gives customers and partners the Ideas Lab, and Delivery once they are on a project", () => {
    expect(labels(navigationFor("customer"))).toEqual(["Ideas Lab"]);
    expect(labels(navigationFor("partner"))).toEqual(["Ideas Lab"]);
    expect(labels(navigationFor("customer", true))).toEqual(["Delivery", "Ideas Lab"]);
  });
});
