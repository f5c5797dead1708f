import { builder } from '../builder.ts';
import { FlagCount } from './comparison-run-summary.ts';

builder.queryField('latestFindings', (t) =>
  t.field({
    type: [FlagCount],
    description:
      'Households per flag over the latest COMPLETED run of each kind and region within your reach: what the ' +
      'centre currently knows. A run of given households (no region) counts only for a caller who reaches all.',
    authScopes: { can: 'comparisons:read' },
    resolve: async (_root, _args, { access, services }) =>
      services.comparisons.countLatestFindings(await access.reachableRegions()),
  }),
);
