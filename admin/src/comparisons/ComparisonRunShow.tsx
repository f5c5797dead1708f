import { NumberField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { DayField } from '../fields/DayField.tsx';
import { EnumField } from '../fields/EnumField.tsx';
import { HubDateField } from '../fields/HubDateField.tsx';
import { AssessmentResults } from './AssessmentResults.tsx';
import { LiveRunProgress } from './LiveRunProgress.tsx';
import { RunActions } from './RunActions.tsx';
import { RunDiff } from './RunDiff.tsx';
import { RunSummaryCharts } from './RunSummaryCharts.tsx';
import { RUN_STATUS_TONES } from './run-status-tones.ts';

export const ComparisonRunShow = () => (
  <Show actions={<RunActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="hub.runs.tab.overview">
        <EnumField source="kind" enum="ComparisonKind" />
        <TextField source="region.name" label="resources.ComparisonRun.fields.region" emptyText="—" />
        <DayField source="asOf" />
        <EnumField source="status" enum="ComparisonRunStatus" tones={RUN_STATUS_TONES} />
        <LiveRunProgress label="resources.ComparisonRun.fields.progress" />
        <NumberField source="householdCount" />
        <TextField source="failure" emptyText="—" />
        <HubDateField source="startedAt" />
        <HubDateField source="completedAt" />
        <RunSummaryCharts />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="hub.runs.tab.results" path="results">
        <AssessmentResults />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="hub.runs.tab.diff" path="diff">
        <RunDiff />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
