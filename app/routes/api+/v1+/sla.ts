import { globalCan } from "~/auth/permissions";
import { listSlaClocks } from "~/ideas/sla.server";
import { apiRoute, endpoint, requireApiPermission } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    handler: ({ db, user }) => {
      requireApiPermission(globalCan(user.role, "ideas.slaBoard"));
      return listSlaClocks(db).map((c) => ({ key: c.key, title: c.title, enteredAt: c.enteredAt, dueDate: c.dueDate, state: c.state }));
    },
  }),
});
