import { openPglite } from '../../src/infra/db/pglite.js';
import { runDatabaseSuite } from './database-suite.js';

runDatabaseSuite('PGlite', { open: () => openPglite() });
