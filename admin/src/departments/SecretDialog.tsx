import { ShownOnceDialog } from '../secrets/ShownOnceDialog.tsx';

/** A client secret, shown this once: the hub keeps only its hash. */
export function SecretDialog(props: { clientId: string; secret: string | null; onClose: () => void }) {
  return (
    <ShownOnceDialog
      open={props.secret !== null}
      title="hub.api_clients.secret_title"
      warning="hub.api_clients.secret_once"
      values={[
        { label: 'client_id', value: props.clientId },
        { label: 'client_secret', value: props.secret ?? '', testId: 'client-secret' },
      ]}
      onClose={props.onClose}
    />
  );
}
