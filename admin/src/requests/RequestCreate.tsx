import { BooleanInput, Create, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { enumChoices } from '../enums.ts';
import { MembersInput } from '../households/MembersInput.tsx';
import { DayInput } from '../inputs/DayInput.tsx';
import { RegionInput } from '../standards/RegionInput.tsx';
import { AuthorisationScanInput } from './AuthorisationScanInput.tsx';
import { DeclaredItemsInput } from './DeclaredItemsInput.tsx';
import { readFileBase64 } from './read-file-base64.ts';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // China Standard Time

// biome-ignore lint/suspicious/noExplicitAny: the form's values, as react-hook-form holds them
async function withScan(data: any) {
  const file = data.authorisation?.file?.rawFile as File | undefined;
  if (!file) return data;
  return {
    ...data,
    authorisation: {
      ...data.authorisation,
      fileName: file.name,
      mediaType: file.type,
      contentBase64: await readFileBase64(file),
    },
  };
}

/**
 * 核对申请 intake for a township office: the applying household and its members (repeater), declared income,
 * assets and rigid expenditure, and the scan of the signed 授权书 with who signed it. The hub checks every field
 * again and saves all or nothing; its problems are shown under each input.
 */
export const RequestCreate = () => (
  <Create transform={withScan} redirect="show">
    <SimpleForm
      // Each input is checked as soon as it is left (an identity number's check character, a yuan amount).
      mode="onBlur"
      reValidateMode="onBlur"
      defaultValues={{
        submittedOn: today(),
        kind: 'MINIMUM_LIVING_GUARANTEE',
        household: { areaType: 'URBAN' },
        members: [{ relation: 'HEAD', signedAuthorisation: true }],
        items: [],
        authorisation: { signedOn: today() },
      }}
    >
      <TextInput source="reference" validate={required()} helperText="hub.requests.reference_hint" />
      <SelectInput source="kind" choices={enumChoices('AssistanceKind')} validate={required()} />
      <DayInput source="submittedOn" validate={required()} />
      <RegionInput
        source="household.regionCode"
        validate={required()}
        label="resources.VerificationRequest.fields.regionCode"
      />
      <SelectInput
        source="household.areaType"
        choices={enumChoices('AreaType')}
        validate={required()}
        label="resources.Household.fields.areaType"
      />
      <TextInput
        source="household.address"
        validate={required()}
        label="resources.Household.fields.address"
        fullWidth
      />
      <TextInput source="household.registerNumber" label="resources.Household.fields.registerNumber" />
      <MembersInput
        extra={[
          // 单人户 facts and the signature, one switch each beside the member.
          <BooleanInput
            key="d"
            source="isSeverelyDisabled"
            label="resources.VerificationRequest.fields.isSeverelyDisabled"
          />,
          <BooleanInput
            key="i"
            source="isCriticallyIll"
            label="resources.VerificationRequest.fields.isCriticallyIll"
          />,
          <BooleanInput
            key="s"
            source="signedAuthorisation"
            label="resources.VerificationRequest.fields.signedAuthorisation"
          />,
        ]}
      />
      <DeclaredItemsInput />
      <AuthorisationScanInput />
      <DayInput
        source="authorisation.signedOn"
        validate={required()}
        label="resources.VerificationRequest.fields.authorisationSignedOn"
      />
    </SimpleForm>
  </Create>
);
