/** All technical services (技术服务). */
import type { SeedService } from '../types';
import { otherServices } from './services-other';
import { yiwuServices } from './services-yiwu';

export const services: SeedService[] = [...yiwuServices, ...otherServices];
