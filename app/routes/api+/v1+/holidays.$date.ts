import { globalCan } from "~/auth/permissions";
import { removeHoliday } from "~/delivery/holidays.server";
import { apiRoute, endpoint, requireApiPermission } from "~/web/api.server";

export const { loader, action } = apiRoute({
  DELETE: endpoint({
    summary: "Remove a holiday (admin).",
    status: 204,
    handler: ({ db, user, params }) => {
      requireApiPermission(globalCan(user.role, "admin.holidays"));
      removeHoliday(db, user, params.date ?? "");
      return null;
    },
  }),
});
