import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

/** A region picked by name or code (GB/T 2260); the value is its code. */
export const RegionInput = (props: {
  source: string;
  validate?: Validator | Validator[];
  alwaysOn?: boolean;
  label?: string;
  /** Shown, not changed: a saved standard's region, named as it was picked. */
  disabled?: boolean;
}) => (
  <ReferenceInput source={props.source} reference="Region" perPage={50}>
    <AutocompleteInput
      optionText={(region: { code: string; name: string }) => `${region.name} (${region.code})`}
      filterToQuery={(q: string) => ({ q })}
      validate={props.validate}
      disabled={props.disabled}
      label={props.label ?? `resources.Region.name`}
      sx={{ minWidth: 280 }}
    />
  </ReferenceInput>
);
