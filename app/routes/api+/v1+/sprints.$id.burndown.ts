import { sprintBurndown } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";
import { BurndownAnswerSchema } from "~/web/api-answers.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
    summary: "The sprint's burndown, one entry per working day.",
    response: BurndownAnswerSchema,
    handler: ({ db, user, params }) => {
      const chart = sprintBurndown(db, user, idParam(params.id, "sprint"));
      return {
        days: chart.days.map((d) => ({ date: d.date, ideal: d.ideal, remaining: d.remaining, notAccepted: d.notAccepted })),
        committed: chart.committed,
        scopeChanges: chart.scopeChanges,
      };
    },
  }),
});
