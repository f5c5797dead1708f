import { writeFileSync } from 'node:fs';
import { printedSchemaPath, printHubSchema } from './printed-schema.ts';

writeFileSync(printedSchemaPath, printHubSchema());
console.log(`wrote ${printedSchemaPath}`);
