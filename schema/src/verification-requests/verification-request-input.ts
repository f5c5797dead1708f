// What a verification request (核对申请) says, as GraphQL and the batch file's NDJSON lines both spell it.

export interface DeclaredMemberInput {
  idNumber: string;
  name: string;
  relation: string;
  isSeverelyDisabled?: boolean | null;
  isCriticallyIll?: boolean | null;
}

export interface DeclaredItemInput {
  category: string;
  /** The member it is about; omitted for the household's rigid expenditure. */
  memberIdNumber?: string | null;
  source: string;
  amountFen: number | string;
}

export interface AuthorisationInput {
  fileName: string;
  mediaType: string;
  /** The scan, base64. */
  contentBase64: string;
  signedOn: string;
  /** The members who signed (or for whom a guardian signed); every adult member must be among them. */
  signedBy: readonly string[];
}

export interface VerificationRequestInput {
  reference: string;
  kind: string;
  submittedOn: string;
  household: { regionCode: string; areaType: string; address: string; registerNumber?: string | null };
  members: readonly DeclaredMemberInput[];
  items?: readonly DeclaredItemInput[] | null;
  /** 单人户: the severely disabled or critically ill member the request asks to enrol alone (低保 only). */
  singlePersonIdNumber?: string | null;
  /** 临时救助: EMERGENCY, EXPENDITURE or INDIVIDUAL; only for kind TEMPORARY_ASSISTANCE. */
  temporaryAssistanceType?: string | null;
  authorisation: AuthorisationInput;
}
