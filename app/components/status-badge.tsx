import type { IdeaStatus } from "../../db/schema/ideas";
import { STATUS_LABELS } from "../ideas/lifecycle";

export function StatusBadge({ status }: { status: IdeaStatus }) {
  return <span className={`status status--${status}`}>{STATUS_LABELS[status]}</span>;
}
