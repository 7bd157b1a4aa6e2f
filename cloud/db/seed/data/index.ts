/**
 * The demo dataset (SPEC "Demo data"), drawn from the Chinese union reports in shared/seeds.
 * Real people keep what the reports say about them; other members, phones and schedules are fictional.
 */
import type { SeedData } from '../types';
import { orgs } from './orgs';
import { services } from './services';
import { teams } from './teams';
import { topics } from './topics';
import { users } from './users';
import { volunteers } from './volunteers';

export const demoData: SeedData = { orgs, users, teams, volunteers, topics, services };
