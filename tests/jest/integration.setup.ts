import { jest } from '@jest/globals';
import { INTEGRATION_TIMEOUT } from './timeouts';

jest.setTimeout(INTEGRATION_TIMEOUT);
