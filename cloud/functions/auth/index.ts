import { authInput, pagingShape } from '../../contract';
import * as auth from '../../domain/auth/service';
import { devAction, userAction, type ActionMap } from '../router';

/** `auth`: who am I, and (dev mode only) the demo quick login. */
export const actions: ActionMap = {
  devUsers: devAction(authInput.devUsers.extend(pagingShape), (ctx, input) => auth.devUsers(ctx.db, input)),
  devLogin: devAction(authInput.devLogin, async (ctx, input) => {
    const user = await auth.userForLogin(ctx.db, input.userId);
    return { token: ctx.tokens.sign(user.id, ctx.clock.now()), user };
  }),
  me: userAction(authInput.me, (ctx) => auth.me(ctx.db, ctx.caller.userId)),
};
