import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient, Dataset } from '@hub/prisma';
import { findRegisterFormat } from '@hub/schema/delivery-formats';
import { systemChangeActor } from '../../audit/change-actors.ts';
import { checkDeliveryEntitlement } from '../../delivery/check-delivery-entitlement.ts';
import { DatasetDeliveryError } from '../../delivery/dataset-delivery-error.ts';
import { importDatasetSnapshot } from '../../delivery/import-dataset-snapshot.ts';
import { parseAsOf } from '../../delivery/parse-as-of.ts';
import { parseRejectThreshold } from '../../delivery/reject-threshold.ts';
import { importRegisterDelivery } from '../../register/import-register-delivery.ts';
import type { CommandContext } from '../command-context.ts';

const USAGE = `usage: ./hub import --department CODE --dataset BANK_DEPOSIT|HOUSEHOLD_REGISTER|… --as-of YYYY-MM-DD
                   [--reject-threshold 1%] [--without-agreement REASON] file

Imports a dataset snapshot file (.csv with a header line, or .ndjson / .jsonl) into the hub's database on behalf of
the department with that code, exactly as PUT /datasets/{dataset}/snapshots does and under the same checks: the
department must be the dataset's provider under an ACTIVE sharing agreement (the civil-affairs register excepted).
--without-agreement loads it without one, for a reason of at least 10 characters that the snapshot's
SNAPSHOT_SWITCHED event keeps in the audit trail. Prints the outcome and the rejects, and exits 1 when the snapshot
is refused or the file cannot be read.`;

/** `hub import`: a bulk delivery from a file, for operators loading a department's data by hand. */
export async function importCommand(args: string[], context: CommandContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      department: { type: 'string' },
      dataset: { type: 'string' },
      'as-of': { type: 'string' },
      'reject-threshold': { type: 'string' },
      'without-agreement': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [file] = positionals;
  if (values.help || !file || !values.department || !values.dataset) {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const dataset = values.dataset.toUpperCase();
  if (!(Object.values(Dataset) as string[]).includes(dataset))
    throw new Error(`no dataset is called ${values.dataset}`);
  const databaseUrl = await context.databaseUrl();
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 1 });
  try {
    const department = await prisma.department.findUnique({
      where: { code: values.department },
      select: { id: true, kind: true, name: true, regionCode: true },
    });
    if (!department) throw new Error(`no department has the code ${values.department}`);
    const override = values['without-agreement'];
    const entitlement = await checkDeliveryEntitlement(
      prisma,
      department,
      dataset as Dataset,
      override === undefined ? undefined : { reason: override },
    );
    const started = performance.now();
    const delivery = {
      entitlement,
      department,
      dataset: dataset as Dataset,
      asOf: parseAsOf(values['as-of']),
      rejectThreshold: parseRejectThreshold(values['reject-threshold']),
      fileFormat: ['.ndjson', '.jsonl'].includes(extname(file).toLowerCase()) ? ('NDJSON' as const) : ('CSV' as const),
      body: createReadStream(file),
      actor: systemChangeActor('hub import'),
    };
    const imported = findRegisterFormat(delivery.dataset)
      ? await importRegisterDelivery(databaseUrl, delivery)
      : await importDatasetSnapshot(databaseUrl, delivery);
    const seconds = (performance.now() - started) / 1000;
    const snapshot = await prisma.datasetSnapshot.findUniqueOrThrow({ where: { id: imported.snapshotId } });
    console.log(
      `${department.name} ${dataset}: snapshot ${snapshot.id} ${imported.outcome === 'DUPLICATE' ? 'already delivered, ' : ''}` +
        `${snapshot.status}; ${snapshot.rowCount.toLocaleString('en')} rows, ${snapshot.acceptedCount.toLocaleString('en')} ` +
        `accepted, ${snapshot.rejectCount.toLocaleString('en')} rejected, in ${seconds.toFixed(1)} s`,
    );
    if (snapshot.statusReason) console.log(snapshot.statusReason);
    const rejects = await prisma.datasetSnapshotReject.findMany({
      where: { snapshotId: snapshot.id },
      orderBy: [{ line: 'asc' }, { column: 'asc' }],
      take: 20,
    });
    for (const reject of rejects) {
      console.log(`  line ${reject.line}: ${reject.reason} ${reject.column} ${reject.value ?? ''}`.trimEnd());
    }
    if (snapshot.rejectCount > rejects.length)
      console.log('  … the whole report: GET /datasets/snapshots/{id}/rejects.csv');
    if (imported.outcome === 'REFUSED') process.exitCode = 1;
  } catch (error) {
    if (error instanceof DatasetDeliveryError) throw new Error(`${error.code}: ${error.message}`);
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}
