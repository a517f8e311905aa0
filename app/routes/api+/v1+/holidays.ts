import { globalCan } from "~/auth/permissions";
import { listHolidays } from "~/calendar/holidays.server";
import { addHoliday } from "~/delivery/holidays.server";
import { apiRoute, endpoint, requireApiPermission } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ handler: ({ db }) => listHolidays(db) }),
  POST: endpoint({
    status: 201,
    handler: ({ db, user, body }) => {
      requireApiPermission(globalCan(user.role, "admin.holidays"));
      return addHoliday(db, user, body);
    },
  }),
});
