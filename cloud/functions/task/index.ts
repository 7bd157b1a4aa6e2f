import { applyInput, taskInput, trustInput } from '../../contract';
import { verifyCheckInCode } from '../../domain/trust/check-in-code';
import { handBack, trustStats } from '../../domain/trust/hand-back';
import { issueCertificate } from '../../domain/trust/certificate';
import * as applications from '../../domain/admin/volunteers';
import * as availability from '../../domain/availability/service';
import { withCurrentCaller } from '../../domain/orders/current-caller';
import { loadActor } from '../../domain/orders/transition';
import * as tasks from '../../domain/orders/volunteer';
import { userAction, type ActionMap } from '../router';
import type { AuthedContext } from '../context';

const actor = (ctx: AuthedContext) => loadActor(ctx.db, ctx.caller);

/** `task`: the volunteer's side: orders named to me, the pool, and the steps of the service. */
export const actions: ActionMap = {
  inbox: userAction(taskInput.inbox, async (ctx, input) => tasks.inbox(ctx.db, ctx.clock.now(), await actor(ctx), input)),
  pool: userAction(taskInput.pool, async (ctx, input) => tasks.pool(ctx.db, ctx.clock.now(), await actor(ctx), input)),
  accept: userAction(taskInput.accept, async (ctx, input) => tasks.accept(ctx.db, ctx.clock.now(), await actor(ctx), input.id)),
  decline: userAction(taskInput.decline, async (ctx, input) => tasks.decline(ctx.db, ctx.clock.now(), await actor(ctx), input.id, input.reason)),
  // The caller from memory: the read and the update check it is current (domain/orders/current-caller.ts).
  grab: userAction(taskInput.grab, async (ctx, input) => withCurrentCaller(ctx.db, ctx.caller, (a) => tasks.grab(ctx.db, ctx.clock.now(), a, input.id)), { remembersCaller: true }),
  checkIn: userAction(taskInput.checkIn, async (ctx, input) => {
    const [a, now] = [await actor(ctx), ctx.clock.now()];
    const verified = input.code !== undefined && input.code !== '' ? await verifyCheckInCode(ctx.db, now, a, input.id, input.code) : false;
    return tasks.checkIn(ctx.db, now, a, input.id, input.location, verified);
  }),
  // Loading the font and drawing the PDF takes a few hundred ms; more on a cold CloudBase container.
  certificate: userAction(trustInput.certificate, async (ctx, input) =>
    issueCertificate(ctx.db, ctx.clock.now(), await actor(ctx), input, ctx.publicBaseUrl ?? 'http://127.0.0.1:10086'), { deadlineMs: 30_000 }),
  handBack: userAction(trustInput.handBack, async (ctx, input) => handBack(ctx.db, ctx.clock.now(), await actor(ctx), input.id, input.reason)),
  complete: userAction(taskInput.complete, async (ctx, input) => tasks.complete(ctx.db, ctx.clock.now(), await actor(ctx), input.id, input.record)),
  stats: userAction(taskInput.stats, async (ctx) => {
    const mine = await tasks.stats(ctx.db, await actor(ctx));
    return { ...mine, ...(await trustStats(ctx.db, mine.volunteerId)) };
  }),
  apply: userAction(applyInput, async (ctx, input) => applications.apply(ctx.db, ctx.clock.now(), await actor(ctx), input)),
  application: userAction(taskInput.application, async (ctx) => applications.myApplication(ctx.db, await actor(ctx))),
  availability: userAction(taskInput.availability, async (ctx) =>
    availability.getAvailability(ctx.db, ctx.clock.now(), (await actor(ctx)).volunteerId)),
  setAvailability: userAction(taskInput.setAvailability, async (ctx, input) =>
    availability.setAvailability(ctx.db, ctx.clock.now(), (await actor(ctx)).volunteerId, input)),
};
