// `npm run cloudbase:indexes` prints the collections and indexes to create in the CloudBase console;
// `npm run cloudbase:indexes -- --json` prints them as JSON for scripts.
import { COLLECTIONS } from '../cloudfunctions/_runtime/collections';
import { cloudbaseIndexes, formatCloudbaseIndexes } from '../cloudfunctions/_runtime/cloudbase-indexes';

const json = process.argv.includes('--json');
console.log(json ? JSON.stringify(cloudbaseIndexes(COLLECTIONS), null, 2) : formatCloudbaseIndexes(COLLECTIONS));
