import { yuanToFen } from '../../money.ts';

// biome-ignore lint/suspicious/noExplicitAny: the intake form's values, as react-hook-form holds them
type FormValues = any;

// PROPERTY and BUSINESS count items (1 each); every other category is an amount typed in yuan.
const COUNTED = new Set(['PROPERTY', 'BUSINESS']);

const idNumberOf = (value: unknown) =>
  String(value ?? '')
    .trim()
    .toUpperCase();

/** The intake form's values as SubmitVerificationRequestInput: yuan become fen, identity numbers uppercase. */
export function submitVerificationRequestInput(data: FormValues) {
  const members = (data.members ?? []).map((member: FormValues) => ({
    idNumber: idNumberOf(member.idNumber),
    name: String(member.name ?? '').trim(),
    relation: member.relation,
    isSeverelyDisabled: Boolean(member.isSeverelyDisabled),
    isCriticallyIll: Boolean(member.isCriticallyIll),
  }));
  const items = (data.items ?? []).map((item: FormValues) => ({
    category: item.category,
    memberIdNumber: item.category === 'RIGID_EXPENDITURE' ? null : idNumberOf(item.memberIdNumber) || null,
    source: String(item.source ?? '').trim(),
    amountFen: COUNTED.has(item.category) ? String(item.count ?? 1) : String(yuanToFen(item.amountYuan) ?? ''),
  }));
  return {
    reference: String(data.reference ?? '').trim(),
    kind: data.kind,
    submittedOn: data.submittedOn,
    household: {
      regionCode: data.household?.regionCode,
      areaType: data.household?.areaType,
      address: String(data.household?.address ?? '').trim(),
      registerNumber: String(data.household?.registerNumber ?? '').trim() || null,
    },
    members,
    items,
    authorisation: {
      fileName: data.authorisation?.fileName,
      mediaType: data.authorisation?.mediaType,
      contentBase64: data.authorisation?.contentBase64,
      signedOn: data.authorisation?.signedOn,
      // Each member's row says whether they signed the 授权书.
      signedBy: (data.members ?? [])
        .filter((member: FormValues) => member.signedAuthorisation)
        .map((member: FormValues) => idNumberOf(member.idNumber)),
    },
  };
}
