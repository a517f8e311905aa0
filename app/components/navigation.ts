import type { Role } from "../../db/schema/auth";

export type NavItem = { to: string; label: string };

/**
 * Who sees which half. Delivery is for the delivery organisation (staff, PMs, admins) and, once
 * they are on a project, for customers too (`hasProjects`).
 */
export function navigationFor(role: Role, hasProjects = false): NavItem[] {
  const items: NavItem[] = [];
  if (role === "admin" || role === "staff" || role === "pm" || hasProjects) {
    items.push({ to: "/projects", label: "Delivery" });
  }
  items.push({ to: "/ideas", label: "Ideas Lab" });
  // The board the PMs work from (the same permission as the page, "ideas.slaBoard").
  if (role === "admin" || role === "pm") items.push({ to: "/pm", label: "PM board" });
  if (role === "admin") items.push({ to: "/admin", label: "Admin" });
  return items;
}

/**
 * Where `/` takes someone who has one place to work: PMs to their board, customers and partners
 * to the Ideas Lab. Staff, admins and customers on a project (two halves to choose from) stay on
 * the home page's choice (null).
 */
export function landingFor(role: Role, hasProjects = false): string | null {
  if (role === "pm") return "/pm";
  if ((role === "customer" || role === "partner") && !hasProjects) return "/ideas";
  return null;
}
