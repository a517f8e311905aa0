import { z } from "zod";
import { globalCan } from "~/auth/permissions";
import { HolidaySchema, listHolidays } from "~/calendar/holidays.server";
import { addHoliday } from "~/delivery/holidays.server";
import { apiRoute, endpoint, requireApiPermission } from "~/web/api.server";
import { HolidayAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "Every holiday, by date.", response: z.array(HolidayAnswerSchema), handler: ({ db }) => listHolidays(db) }),
  POST: endpoint({
    summary: "Add a holiday (admin); a date already there is a 409.",
    input: HolidaySchema,
    response: HolidayAnswerSchema,
    status: 201,
    handler: ({ db, user, body }) => {
      requireApiPermission(globalCan(user.role, "admin.holidays"));
      return addHoliday(db, user, body);
    },
  }),
});
