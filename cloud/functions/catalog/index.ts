import { catalogInput, trustInput } from '../../contract';
import { verifyCertificate } from '../../domain/trust/certificate';
import * as catalog from '../../domain/catalog/service';
import { publicOrgs } from '../../domain/accounts/orgs';
import { publicAction, type ActionMap } from '../router';

/** `catalog`: the menu. Public: a worker can browse before logging in. */
export const actions: ActionMap = {
  categories: publicAction(catalogInput.categories, (ctx) => catalog.categories(ctx.db)),
  orgs: publicAction(catalogInput.orgs, (ctx, input) => publicOrgs(ctx.db, input)),
  topics: publicAction(catalogInput.topics, (ctx, input) => catalog.topics(ctx.db, input)),
  topic: publicAction(catalogInput.topic, (ctx, input) => catalog.topic(ctx.db, input.id)),
  services: publicAction(catalogInput.services, (ctx, input) => catalog.services(ctx.db, input)),
  service: publicAction(catalogInput.service, (ctx, input) => catalog.service(ctx.db, input.id)),
  volunteers: publicAction(catalogInput.volunteers, (ctx, input) => catalog.volunteers(ctx.db, input)),
  volunteer: publicAction(catalogInput.volunteer, (ctx, input) => catalog.volunteer(ctx.db, ctx.clock, input)),
  teams: publicAction(catalogInput.teams, (ctx, input) => catalog.teams(ctx.db, input)),
  team: publicAction(catalogInput.team, (ctx, input) => catalog.team(ctx.db, input.id)),
  verifyCertificate: publicAction(trustInput.verifyCertificate, (ctx, input) => verifyCertificate(ctx.db, input.code)),
};
