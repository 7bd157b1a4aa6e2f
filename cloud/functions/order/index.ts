import { orderInput, trustInput } from '../../contract';
import { checkInCode } from '../../domain/trust/check-in-code';
import * as orders from '../../domain/orders/requester';
import { withCurrentCaller } from '../../domain/orders/current-caller';
import { loadActor } from '../../domain/orders/transition';
import { userAction, type ActionMap } from '../router';

/** `order`: the requester's side of an order (worker or enterprise). */
export const actions: ActionMap = {
  // The caller from memory: the insert checks it is current (domain/orders/current-caller.ts).
  create: userAction(orderInput.create, async (ctx, input) =>
    withCurrentCaller(ctx.db, ctx.caller, (actor) => orders.createOrder(ctx.db, ctx.clock.now(), actor, input, { maxOpenNeeds: ctx.guards?.limits.maxOpenNeeds })),
    { remembersCaller: true }),
  get: userAction(orderInput.get, async (ctx, input) =>
    orders.getDetail(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id)),
  mine: userAction(orderInput.mine, async (ctx, input) =>
    orders.mine(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input)),
  cancel: userAction(orderInput.cancel, async (ctx, input) =>
    orders.cancel(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id, input.reason)),
  reschedule: userAction(orderInput.reschedule, async (ctx, input) =>
    orders.reschedule(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id, input.start)),
  confirm: userAction(orderInput.confirm, async (ctx, input) =>
    orders.confirm(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id)),
  dispute: userAction(orderInput.dispute, async (ctx, input) =>
    orders.dispute(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id, input.reason)),
  reopen: userAction(orderInput.reopen, async (ctx, input) =>
    orders.reopen(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id, input.to, input.note)),
  checkInCode: userAction(trustInput.checkInCode, async (ctx, input) =>
    checkInCode(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id)),
  rate: userAction(orderInput.rate, async (ctx, input) =>
    orders.rate(ctx.db, ctx.clock.now(), await loadActor(ctx.db, ctx.caller), input.id, input.score, input.comment)),
};
