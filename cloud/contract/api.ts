import type { z } from 'zod';
import type { authInput, DevUser, LoginResult, Me } from './auth';
import type {
  catalogInput, Category, ServiceDetail, Service, Team, TeamDetail, TopicDetail, TopicSummary,
  VolunteerProfile, VolunteerSummary,
} from './catalog';
import type { Page } from './envelope';

type In<S extends z.ZodType> = z.input<S>;

/**
 * The function/action map both sides share: `Api[fn][action]` gives the input the client sends and
 * the data the server answers. The client imports this file as types only.
 */
export interface Api {
  auth: {
    devUsers: { input: In<typeof authInput.devUsers>; output: Page<DevUser> };
    devLogin: { input: In<typeof authInput.devLogin>; output: LoginResult };
    me: { input: In<typeof authInput.me>; output: Me };
  };
  catalog: {
    categories: { input: In<typeof catalogInput.categories>; output: Page<Category> };
    topics: { input: In<typeof catalogInput.topics>; output: Page<TopicSummary> };
    topic: { input: In<typeof catalogInput.topic>; output: TopicDetail };
    services: { input: In<typeof catalogInput.services>; output: Page<Service> };
    service: { input: In<typeof catalogInput.service>; output: ServiceDetail };
    volunteers: { input: In<typeof catalogInput.volunteers>; output: Page<VolunteerSummary> };
    volunteer: { input: In<typeof catalogInput.volunteer>; output: VolunteerProfile };
    teams: { input: In<typeof catalogInput.teams>; output: Page<Team> };
    team: { input: In<typeof catalogInput.team>; output: TeamDetail };
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer O;
}
  ? O
  : never;
