import { z } from "zod";
import { globalCan } from "~/auth/permissions";
import { listSlaClocks } from "~/ideas/sla.server";
import { apiRoute, endpoint, requireApiPermission } from "~/web/api.server";
import { SlaClockAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "Every SLA clock: open ones first by due date, then ended ones (pm, admin).",
    response: z.array(SlaClockAnswerSchema),
    handler: ({ db, user }) => {
      requireApiPermission(globalCan(user.role, "ideas.slaBoard"));
      return listSlaClocks(db).map((c) => ({ key: c.key, title: c.title, enteredAt: c.enteredAt, dueDate: c.dueDate, state: c.state }));
    },
  }),
});
