import type { Role } from "../../db/schema/auth";

export type NavItem = { to: string; label: string };

/**
 * Who sees which half. Delivery is for the delivery organisation (staff, PMs, admins) and, once
 * they are on a project, for customers too (`hasProjects`); a project's members also get their
 * own "My work" page first.
 */
export function navigationFor(role: Role, hasProjects = false): NavItem[] {
  const items: NavItem[] = [];
  if (hasProjects) items.push({ to: "/my-work", label: "My work" });
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
 * Where `/` takes someone who has one place to start: PMs to their board, anyone else who is a
 * member of a project to "My work", customers and partners without one to the Ideas Lab. Staff
 * and admins on no project stay on the home page's choice (null).
 */
export function landingFor(role: Role, hasProjects = false): string | null {
  if (role === "pm") return "/pm";
  if (hasProjects) return "/my-work";
  if (role === "customer" || role === "partner") return "/ideas";
  return null;
}
