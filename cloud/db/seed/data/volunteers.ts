/** All volunteers (劳模/工匠), assembled from the regional files. */
import type { SeedVolunteer } from '../types';
import { hangzhouVolunteers } from './volunteers-hangzhou';
import { huzhouVolunteers } from './volunteers-huzhou';
import { jinhuaVolunteers } from './volunteers-jinhua';
import { yiwuVolunteersA } from './volunteers-yiwu-a';
import { yiwuVolunteersB } from './volunteers-yiwu-b';

export const volunteers: SeedVolunteer[] = [
  ...hangzhouVolunteers,
  ...yiwuVolunteersA,
  ...yiwuVolunteersB,
  ...jinhuaVolunteers,
  ...huzhouVolunteers,
];
