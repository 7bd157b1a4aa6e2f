import { jest } from '@jest/globals';

// Real databases (migrations, seeds, races): tests and hooks may take up to 2 minutes.
jest.setTimeout(120_000);
