/** All lecture topics (宣讲主题) over the eight categories. */
import type { SeedTopic } from '../types';
import { lifeTopics } from './topics-life';
import { skillTopics } from './topics-skills';
import { spiritTopics } from './topics-spirit';

export const topics: SeedTopic[] = [...spiritTopics, ...skillTopics, ...lifeTopics];
