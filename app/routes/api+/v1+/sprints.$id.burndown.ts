import { sprintBurndown } from "~/delivery/sprints.server";
import { apiRoute, endpoint, idParam } from "~/web/api.server";

export const { loader, action } = apiRoute({
  GET: endpoint({
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
