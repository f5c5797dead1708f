import { FileField, FileInput, required } from 'react-admin';

/** The scan of the signed 授权书: PDF or an image, at most 10 MiB (the hub's limit). */
export const AUTHORISATION_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];
const TEN_MIB = 10 * 1024 * 1024;

export const AuthorisationScanInput = () => (
  <FileInput
    source="authorisation.file"
    label="resources.VerificationRequest.fields.authorisationFile"
    accept={Object.fromEntries(AUTHORISATION_MEDIA_TYPES.map((type) => [type, []]))}
    maxSize={TEN_MIB}
    validate={required('hub.requests.scan_required')}
    helperText="hub.requests.scan_hint"
  >
    <FileField source="src" title="title" />
  </FileInput>
);
