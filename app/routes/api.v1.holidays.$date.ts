import { globalCan } from "~/auth/permissions";
import { removeHoliday } from "~/calendar/holidays.server";
import { apiRoute, endpoint, requireApiPermission } from "~/lib/api.server";

export const { loader, action } = apiRoute({
  DELETE: endpoint({
    status: 204,
    handler: ({ db, user, params }) => {
      requireApiPermission(globalCan(user.role, "admin.holidays"));
      removeHoliday(db, user, params.date ?? "");
      return null;
    },
  }),
});
