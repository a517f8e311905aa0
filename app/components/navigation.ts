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
  if (role === "admin") items.push({ to: "/admin", label: "Admin" });
  return items;
}
