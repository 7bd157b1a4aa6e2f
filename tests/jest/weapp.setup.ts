import { jest } from '@jest/globals';
import { WEAPP_TEST_TIMEOUT } from './timeouts';

jest.setTimeout(WEAPP_TEST_TIMEOUT);
