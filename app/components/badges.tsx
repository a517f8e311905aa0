import type { Role } from "../../db/schema/auth";
import { ROLE_LABELS } from "../auth/permissions";

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge--role-${role}`}>{ROLE_LABELS[role]}</span>;
}
