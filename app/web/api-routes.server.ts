import * as goLivesIdDone from "../routes/api+/v1+/go-lives.$id.done";
import * as goLivesId from "../routes/api+/v1+/go-lives.$id";
import * as featuresId from "../routes/api+/v1+/features.$id";
import * as holidaysDate from "../routes/api+/v1+/holidays.$date";
import * as holidays from "../routes/api+/v1+/holidays";
import * as ideasKeyCommentsId from "../routes/api+/v1+/ideas.$key.comments.$id";
import * as ideasKeyComments from "../routes/api+/v1+/ideas.$key.comments";
import * as ideasKeyLinks from "../routes/api+/v1+/ideas.$key.links";
import * as ideasKeyStatus from "../routes/api+/v1+/ideas.$key.status";
import * as ideasKey from "../routes/api+/v1+/ideas.$key";
import * as ideasKeyVote from "../routes/api+/v1+/ideas.$key.vote";
import * as ideas from "../routes/api+/v1+/ideas";
import * as me from "../routes/api+/v1+/me";
import * as meNotificationSettings from "../routes/api+/v1+/me.notification-settings";
import * as portalsSlug from "../routes/api+/v1+/portals.$slug";
import * as portals from "../routes/api+/v1+/portals";
import * as projectsIdBacklog from "../routes/api+/v1+/projects.$id.backlog";
import * as projectsIdCalendarIcs from "../routes/api+/v1+/projects.$id.calendar[.]ics";
import * as projectsIdFeatures from "../routes/api+/v1+/projects.$id.features";
import * as projectsIdGoLives from "../routes/api+/v1+/projects.$id.go-lives";
import * as projectsIdMembers from "../routes/api+/v1+/projects.$id.members";
import * as projectsIdReleasePlan from "../routes/api+/v1+/projects.$id.release-plan";
import * as projectsIdSprints from "../routes/api+/v1+/projects.$id.sprints";
import * as projectsIdStories from "../routes/api+/v1+/projects.$id.stories";
import * as projectsId from "../routes/api+/v1+/projects.$id";
import * as projectsIdVelocity from "../routes/api+/v1+/projects.$id.velocity";
import * as projects from "../routes/api+/v1+/projects";
import * as search from "../routes/api+/v1+/search";
import * as sla from "../routes/api+/v1+/sla";
import * as sprintsIdBurndown from "../routes/api+/v1+/sprints.$id.burndown";
import * as sprintsIdClose from "../routes/api+/v1+/sprints.$id.close";
import * as sprintsIdDemo from "../routes/api+/v1+/sprints.$id.demo";
import * as sprintsIdStart from "../routes/api+/v1+/sprints.$id.start";
import * as sprintsId from "../routes/api+/v1+/sprints.$id";
import * as storiesId from "../routes/api+/v1+/stories.$id";
import * as storiesIdWontDo from "../routes/api+/v1+/stories.$id.wont-do";
import * as tokens from "../routes/api+/v1+/tokens";
import * as usersId from "../routes/api+/v1+/users.$id";
import * as usersIdVoteGrants from "../routes/api+/v1+/users.$id.vote-grants";
import * as users from "../routes/api+/v1+/users";

/**
 * Every `/api/v1` route module with its path as OpenAPI spells it, for the document. The
 * document's own route (`openapi[.]json.ts`) adds itself, so that nothing imports in a circle;
 * a test checks that every route file is here.
 */
export const API_ROUTES: readonly { path: string; module: { loader: unknown } }[] = [
  { path: "/go-lives/{id}/done", module: goLivesIdDone },
  { path: "/go-lives/{id}", module: goLivesId },
  { path: "/features/{id}", module: featuresId },
  { path: "/holidays/{date}", module: holidaysDate },
  { path: "/holidays", module: holidays },
  { path: "/ideas/{key}/comments/{id}", module: ideasKeyCommentsId },
  { path: "/ideas/{key}/comments", module: ideasKeyComments },
  { path: "/ideas/{key}/links", module: ideasKeyLinks },
  { path: "/ideas/{key}/status", module: ideasKeyStatus },
  { path: "/ideas/{key}", module: ideasKey },
  { path: "/ideas/{key}/vote", module: ideasKeyVote },
  { path: "/ideas", module: ideas },
  { path: "/me", module: me },
  { path: "/me/notification-settings", module: meNotificationSettings },
  { path: "/portals/{slug}", module: portalsSlug },
  { path: "/portals", module: portals },
  { path: "/projects/{id}/backlog", module: projectsIdBacklog },
  { path: "/projects/{id}/calendar.ics", module: projectsIdCalendarIcs },
  { path: "/projects/{id}/features", module: projectsIdFeatures },
  { path: "/projects/{id}/go-lives", module: projectsIdGoLives },
  { path: "/projects/{id}/members", module: projectsIdMembers },
  { path: "/projects/{id}/release-plan", module: projectsIdReleasePlan },
  { path: "/projects/{id}/sprints", module: projectsIdSprints },
  { path: "/projects/{id}/stories", module: projectsIdStories },
  { path: "/projects/{id}", module: projectsId },
  { path: "/projects/{id}/velocity", module: projectsIdVelocity },
  { path: "/projects", module: projects },
  { path: "/search", module: search },
  { path: "/sla", module: sla },
  { path: "/sprints/{id}/burndown", module: sprintsIdBurndown },
  { path: "/sprints/{id}/close", module: sprintsIdClose },
  { path: "/sprints/{id}/demo", module: sprintsIdDemo },
  { path: "/sprints/{id}/start", module: sprintsIdStart },
  { path: "/sprints/{id}", module: sprintsId },
  { path: "/stories/{id}", module: storiesId },
  { path: "/stories/{id}/wont-do", module: storiesIdWontDo },
  { path: "/tokens", module: tokens },
  { path: "/users/{id}", module: usersId },
  { path: "/users/{id}/vote-grants", module: usersIdVoteGrants },
  { path: "/users", module: users },
];
