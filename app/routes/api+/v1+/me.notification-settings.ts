import { NotificationSettingsAnswerSchema, NotificationSettingsSchema, notificationSettingsOf, updateNotificationSettings } from "~/notifications/settings.server";
import { apiRoute, endpoint } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({ summary: "The token's user's email choices: the digest and immediate mail of official updates.", response: NotificationSettingsAnswerSchema, handler: ({ db, user }) => notificationSettingsOf(db, user.id) }),
  PATCH: endpoint({
    summary: "Change the digest (daily, weekly, off) or immediate mail of official updates on followed ideas.",
    input: NotificationSettingsSchema,
    response: NotificationSettingsAnswerSchema,
    handler: ({ db, user, body }) => updateNotificationSettings(db, user, body),
  }),
});
